package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Eip712DomainTest {
  private static final byte[] MAIL_CONTRACT =
      Hex.decode("0xcccccccccccccccccccccccccccccccccccccccc");

  @Test
  void givenTheSpecMailDomain_whenHashing_thenThePublishedSeparatorComesOut() {
    Eip712Domain domain = Eip712Domain.of("Ether Mail", "1", 1, MAIL_CONTRACT);

    assertThat(domain.separator())
        .isEqualTo(Golden.hex(Golden.json("mail-expected.json"), "domainSeparator"));
  }

  @Test
  void givenNoFields_whenHashing_thenTheSeparatorIsTheHashOfTheEmptyTypeHash() {
    Eip712Domain empty = new Eip712Domain(null, null, null, null, null);

    byte[] typeHash = Keccak256.hash("EIP712Domain()".getBytes(StandardCharsets.US_ASCII));
    assertThat(empty.separator()).isEqualTo(Keccak256.hash(typeHash));
    assertThat(empty.fields()).isEmpty();
  }

  @Test
  void givenASubset_whenListingFields_thenThePresentOnesComeInCanonicalOrder() {
    Eip712Domain domain = new Eip712Domain("N", null, BigInteger.TEN, null, new byte[32]);

    assertThat(domain.fields())
        .extracting(TypedData.Field::name)
        .containsExactly("name", "chainId", "salt");
  }

  @Test
  void givenTheSaltOnlyDomain_whenHashing_thenItIsTheStructHashOfThatSubset() {
    byte[] salt = new byte[32];
    salt[31] = 9;
    Eip712Domain domain = new Eip712Domain(null, null, null, null, salt);

    byte[] typeHash =
        Keccak256.hash("EIP712Domain(bytes32 salt)".getBytes(StandardCharsets.US_ASCII));
    byte[] encoded = new byte[64];
    System.arraycopy(typeHash, 0, encoded, 0, 32);
    System.arraycopy(salt, 0, encoded, 32, 32);
    assertThat(domain.separator()).isEqualTo(Keccak256.hash(encoded));
  }

  @Test
  void givenEqualComponents_whenComparing_thenDomainsAreEqualByValueAndCopiesAreDefensive() {
    byte[] contract = MAIL_CONTRACT.clone();
    Eip712Domain a = Eip712Domain.of("CroGas", "1", 338, contract);
    contract[0] = 0;

    Eip712Domain b = Eip712Domain.of("CroGas", "1", 338, MAIL_CONTRACT);
    a.verifyingContract()[1] = 0;

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");
  }

  @Test
  void givenInvalidComponents_whenConstructing_thenTheErrorNamesTheDomainField() {
    assertThatThrownBy(() -> new Eip712Domain(null, null, BigInteger.ONE.negate(), null, null))
        .isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith("domain.chainId: ");
    assertThatThrownBy(() -> new Eip712Domain(null, null, null, new byte[19], null))
        .hasMessage("domain.verifyingContract: an address is 20 bytes, got 19");
    assertThatThrownBy(() -> new Eip712Domain(null, null, null, null, new byte[31]))
        .hasMessage("domain.salt: bytes32 needs exactly 32 bytes, got 31");
  }

  @Test
  void givenTheCanonicalFields_whenListed_thenTheyFollowEip712() {
    assertThat(Eip712Domain.CANONICAL_FIELDS)
        .isEqualTo(
            List.of(
                new TypedData.Field("name", "string"),
                new TypedData.Field("version", "string"),
                new TypedData.Field("chainId", "uint256"),
                new TypedData.Field("verifyingContract", "address"),
                new TypedData.Field("salt", "bytes32")));
  }
}
