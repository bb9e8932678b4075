package io.crogas.eip712;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A struct type of atomic fields known at compile time (MetaTransaction, Permit, the EIP-3009
 * authorizations): its type hash computed once, its fields for building {@link TypedData}
 * documents.
 */
final class FixedType {
  private final String name;
  private final List<TypedData.Field> fields;
  private final byte[] typeHash;

  private FixedType(String name, List<TypedData.Field> fields) {
    this.name = name;
    this.fields = List.copyOf(fields);
    this.typeHash = TypedDataEncoder.typeHash(types(), name);
  }

  /** Reads {@code Name(type1 name1,type2 name2,...)} with atomic member types only. */
  static FixedType parse(String encodedType) {
    int open = encodedType.indexOf('(');
    String name = encodedType.substring(0, open);
    List<TypedData.Field> fields = new ArrayList<>();
    for (String member : encodedType.substring(open + 1, encodedType.length() - 1).split(",")) {
      String[] typeAndName = member.split(" ");
      fields.add(new TypedData.Field(typeAndName[1], typeAndName[0]));
    }
    return new FixedType(name, fields);
  }

  Map<String, List<TypedData.Field>> types() {
    return Map.of(name, fields);
  }

  /** A buffer for this struct's words, ending in the digest under {@code domainSeparator}. */
  StructWords words(byte[] domainSeparator) {
    return StructWords.forDigest(domainSeparator, typeHash, fields.size());
  }

  /** A buffer for this struct's words, for its struct hash only. */
  StructWords words() {
    return StructWords.forStruct(typeHash, fields.size());
  }

  /**
   * The document for {@code values}, given in field order: addresses in EIP-55 form, bytes as
   * {@code 0x}-hex, integers as given.
   */
  TypedData document(Eip712Domain domain, Object... values) {
    Map<String, Object> message = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      TypedData.Field field = fields.get(i);
      message.put(field.name(), displayValue(field, values[i]));
    }
    return new TypedData(types(), name, domain, message);
  }

  private static Object displayValue(TypedData.Field field, Object value) {
    String path = "message." + field.name();
    if (value == null) {
      throw new TypedDataException(path, "missing value");
    }
    if (field.type().equals("address")) {
      return Eip55.checksum(AtomicValues.address(value, path));
    }
    if (field.type().startsWith("bytes")) {
      return Hex.encode(AtomicValues.bytes(value, path));
    }
    return value;
  }
}
