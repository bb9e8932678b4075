package io.crogas.eip712;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An EIP-712 signing domain. Any component may be null, meaning absent: the {@code EIP712Domain}
 * type then lists only the present fields, in the canonical order name, version, chainId,
 * verifyingContract, salt.
 *
 * @param verifyingContract 20 bytes or null
 * @param salt 32 bytes or null
 */
public record Eip712Domain(
    String name, String version, BigInteger chainId, byte[] verifyingContract, byte[] salt) {

  /** The name of the domain's struct type. */
  public static final String TYPE_NAME = "EIP712Domain";

  /** All domain fields in canonical order; a domain's type lists those present. */
  public static final List<TypedData.Field> CANONICAL_FIELDS =
      List.of(
          new TypedData.Field("name", "string"),
          new TypedData.Field("version", "string"),
          new TypedData.Field("chainId", "uint256"),
          new TypedData.Field("verifyingContract", "address"),
          new TypedData.Field("salt", "bytes32"));

  /** Type hash per subset of present fields, indexed by {@link #presence()}. */
  private static final byte[][] TYPE_HASHES = typeHashes();

  public Eip712Domain {
    if (chainId != null) {
      AtomicValues.integer(chainId, 256, false, "domain.chainId");
    }
    if (verifyingContract != null) {
      verifyingContract =
          AtomicValues.address(verifyingContract, "domain.verifyingContract").clone();
    }
    if (salt != null) {
      salt = AtomicValues.fixedBytes(salt, 32, "domain.salt").clone();
    }
  }

  /** The usual four-field domain (name, version, chainId, verifyingContract). */
  public static Eip712Domain of(
      String name, String version, long chainId, byte[] verifyingContract) {
    return new Eip712Domain(
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(version, "version"),
        BigInteger.valueOf(chainId),
        Objects.requireNonNull(verifyingContract, "verifyingContract"),
        null);
  }

  @Override
  public byte[] verifyingContract() {
    return verifyingContract == null ? null : verifyingContract.clone();
  }

  @Override
  public byte[] salt() {
    return salt == null ? null : salt.clone();
  }

  /** The {@code EIP712Domain} fields this domain has, in canonical order. */
  public List<TypedData.Field> fields() {
    return fieldsOf(presence());
  }

  /** {@code hashStruct(domain)}: the domain separator, 32 bytes. */
  public byte[] separator() {
    byte[] typeHash = TYPE_HASHES[presence()];
    StructWords words = StructWords.forStruct(typeHash, Integer.bitCount(presence()));
    if (name != null) {
      words.hashOf(name, "domain.name");
    }
    if (version != null) {
      words.hashOf(version, "domain.version");
    }
    if (chainId != null) {
      words.uint256(chainId, "domain.chainId");
    }
    if (verifyingContract != null) {
      words.address(verifyingContract, "domain.verifyingContract");
    }
    if (salt != null) {
      words.bytes32(salt, "domain.salt");
    }
    return words.structHash();
  }

  private int presence() {
    Object[] components = {name, version, chainId, verifyingContract, salt};
    int presence = 0;
    for (int i = 0; i < components.length; i++) {
      if (components[i] != null) {
        presence |= 1 << i;
      }
    }
    return presence;
  }

  private static byte[][] typeHashes() {
    byte[][] hashes = new byte[1 << CANONICAL_FIELDS.size()][];
    for (int presence = 0; presence < hashes.length; presence++) {
      String encoded = TypeGraph.encodeStruct(TYPE_NAME, fieldsOf(presence));
      hashes[presence] = Keccak256.hash(AtomicValues.utf8(encoded));
    }
    return hashes;
  }

  private static List<TypedData.Field> fieldsOf(int presence) {
    List<TypedData.Field> fields = new ArrayList<>();
    for (int i = 0; i < CANONICAL_FIELDS.size(); i++) {
      if ((presence & (1 << i)) != 0) {
        fields.add(CANONICAL_FIELDS.get(i));
      }
    }
    return List.copyOf(fields);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Eip712Domain that
        && Objects.equals(name, that.name)
        && Objects.equals(version, that.version)
        && Objects.equals(chainId, that.chainId)
        && Arrays.equals(verifyingContract, that.verifyingContract)
        && Arrays.equals(salt, that.salt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name, version, chainId, Arrays.hashCode(verifyingContract), Arrays.hashCode(salt));
  }

  @Override
  public String toString() {
    return "Eip712Domain[name="
        + name
        + ", version="
        + version
        + ", chainId="
        + chainId
        + ", verifyingContract="
        + (verifyingContract == null ? null : Eip55.checksum(verifyingContract))
        + ", salt="
        + (salt == null ? null : Hex.encode(salt))
        + "]";
  }
}
