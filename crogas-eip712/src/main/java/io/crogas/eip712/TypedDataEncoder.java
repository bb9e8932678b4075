package io.crogas.eip712;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generic EIP-712 encoder: {@code encodeType}, {@code typeHash}, {@code hashStruct} and the
 * signing digest of any {@link TypedData}. Values are checked as they are encoded; a problem is a
 * {@link TypedDataException} naming the field path, e.g. {@code message.wallets[1]}.
 */
public final class TypedDataEncoder {
  private static final int WORD = Words.WORD;

  private TypedDataEncoder() {}

  /** {@code encodeType(primaryType)}: e.g. {@code Mail(Person from,...)Person(string name,...)}. */
  public static String encodeType(Map<String, List<TypedData.Field>> types, String primaryType) {
    return TypeGraph.encodeType(types, primaryType);
  }

  /** {@code keccak256(encodeType(primaryType))}. */
  public static byte[] typeHash(Map<String, List<TypedData.Field>> types, String primaryType) {
    return Keccak256.hash(AtomicValues.utf8(encodeType(types, primaryType)));
  }

  /** {@code hashStruct(type, data)} under the types of {@code td}. */
  public static byte[] hashStruct(TypedData td, String type, Map<String, Object> data) {
    String path = data == td.message() ? "message" : type;
    return new WordEncoder(td.types()).walkStruct(type, data, path);
  }

  /** {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}: what is signed. */
  public static byte[] digest(TypedData td) {
    byte[] preimage = new byte[2 + 2 * WORD];
    preimage[0] = 0x19;
    preimage[1] = 0x01;
    System.arraycopy(td.domain().separator(), 0, preimage, 2, WORD);
    byte[] structHash = hashStruct(td, td.primaryType(), td.message());
    System.arraycopy(structHash, 0, preimage, 2 + WORD, WORD);
    return Keccak256.hash(preimage);
  }

  /** Folds a message into {@code encodeData} words; a struct's word is its {@code hashStruct}. */
  private static final class WordEncoder extends MessageWalker<byte[]> {
    private final Map<String, List<TypedData.Field>> types;
    private final Map<String, byte[]> typeHashes = new HashMap<>();

    WordEncoder(Map<String, List<TypedData.Field>> types) {
      super(types);
      this.types = types;
    }

    @Override
    byte[] struct(String type, List<TypedData.Field> fields, List<byte[]> values) {
      byte[] typeHash = typeHashes.computeIfAbsent(type, t -> typeHash(types, t));
      byte[] encoded = new byte[WORD * (1 + values.size())];
      System.arraycopy(typeHash, 0, encoded, 0, WORD);
      return hashWords(values, encoded, WORD);
    }

    @Override
    byte[] array(List<byte[]> elements) {
      return hashWords(elements, new byte[WORD * elements.size()], 0);
    }

    private static byte[] hashWords(List<byte[]> words, byte[] buffer, int offset) {
      for (int i = 0; i < words.size(); i++) {
        System.arraycopy(words.get(i), 0, buffer, offset + WORD * i, WORD);
      }
      return Keccak256.hash(buffer);
    }

    @Override
    byte[] atomic(FieldType.Atomic type, Object value, String path) {
      byte[] word = new byte[WORD];
      switch (type.kind()) {
        case UINT ->
            Words.putInteger(AtomicValues.integer(value, type.size(), false, path), word, 0);
        case INT -> Words.putInteger(AtomicValues.integer(value, type.size(), true, path), word, 0);
        case FIXED_BYTES ->
            Words.putLeftAligned(AtomicValues.fixedBytes(value, type.size(), path), word, 0);
        case BOOL -> Words.putLong(AtomicValues.bool(value, path) ? 1 : 0, word, 0);
        case ADDRESS -> Words.putAddress(AtomicValues.address(value, path), word, 0);
        case BYTES -> {
          return Keccak256.hash(AtomicValues.bytes(value, path));
        }
        case STRING -> {
          return Keccak256.hash(AtomicValues.utf8(AtomicValues.string(value, path)));
        }
      }
      return word;
    }
  }
}
