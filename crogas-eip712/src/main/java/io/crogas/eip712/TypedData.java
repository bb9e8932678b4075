package io.crogas.eip712;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EIP-712 typed-data document, the {@code eth_signTypedData_v4} shape.
 *
 * @param types the struct types, <em>without</em> {@code EIP712Domain} (that type is derived from
 *     the fields the domain has); checked on construction for unknown types and cycles
 * @param primaryType the message's type, one of {@code types}
 * @param domain the signing domain
 * @param message field values: {@code String} (address, 0x-hex bytes, decimal or 0x-hex integer,
 *     text), {@code BigInteger} or another integral {@code Number}, {@code Boolean}, {@code
 *     byte[]}, {@code List} for arrays and {@code Map} for structs; checked when encoded
 */
public record TypedData(
    Map<String, List<TypedData.Field>> types,
    String primaryType,
    Eip712Domain domain,
    Map<String, Object> message) {

  /** One member of a struct type, e.g. {@code address wallet}. */
  public record Field(String name, String type) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public TypedData {
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(primaryType, "primaryType");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(message, "message");
    Map<String, List<Field>> copy = new LinkedHashMap<>();
    types.forEach((name, fields) -> copy.put(name, List.copyOf(fields)));
    types = Collections.unmodifiableMap(copy);
    TypeGraph.validate(types);
    if (!types.containsKey(primaryType)) {
      throw new TypedDataException("primaryType", "unknown type '" + primaryType + "'");
    }
    message = Collections.unmodifiableMap(new LinkedHashMap<>(message));
  }
}
