package io.crogas.eip712;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed data in the JSON shape of {@code eth_signTypedData_v4} (MetaMask, ethers, viem, alloy).
 *
 * <p>Reading accepts integers as JSON numbers, decimal strings or {@code 0x}-hex strings, bytes as
 * {@code 0x}-hex, addresses in lower, upper or valid EIP-55 case. {@code types.EIP712Domain} may be
 * omitted; when given it must list exactly the domain's fields in canonical order (name, version,
 * chainId, verifyingContract, salt), since that is the only order this library signs. Duplicate
 * keys and unknown domain fields are rejected.
 *
 * <p>Writing produces what wallets accept: integers in the message as <em>decimal strings</em>
 * (JavaScript numbers lose precision above 2^53, and MetaMask, ethers, viem and alloy all parse
 * decimal strings), {@code domain.chainId} as a JSON number (MetaMask compares it with the active
 * chain and expects a number) unless it exceeds 2^53 - 1, addresses in EIP-55 form, bytes as
 * lower-case {@code 0x}-hex, booleans as JSON booleans; {@code types.EIP712Domain} first.
 */
public final class TypedDataJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private TypedDataJson() {}

  /**
   * Reads an {@code eth_signTypedData_v4} document.
   *
   * @throws TypedDataException naming the offending path for malformed JSON or typed data
   */
  public static TypedData parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new TypedDataException("json", e.getOriginalMessage(), e);
    }
    object(root, "document");
    Map<String, List<TypedData.Field>> types = new LinkedHashMap<>();
    object(member(root, "types", "document"), "types")
        .properties()
        .forEach(entry -> types.put(entry.getKey(), fields(entry)));
    String primaryType = text(member(root, "primaryType", "document"), "primaryType");
    Eip712Domain domain = domain(object(member(root, "domain", "document"), "domain"));
    List<TypedData.Field> declaredDomain = types.remove(Eip712Domain.TYPE_NAME);
    if (declaredDomain != null && !declaredDomain.equals(domain.fields())) {
      throw new TypedDataException(
          "types." + Eip712Domain.TYPE_NAME,
          "must list exactly the domain's fields in canonical order: expected "
              + TypeGraph.encodeStruct(Eip712Domain.TYPE_NAME, domain.fields())
              + ", got "
              + TypeGraph.encodeStruct(Eip712Domain.TYPE_NAME, declaredDomain));
    }
    JsonNode message = object(member(root, "message", "document"), "message");
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) toJava(message, "message");
    return new TypedData(types, primaryType, domain, values);
  }

  /** Writes {@code td} as an {@code eth_signTypedData_v4} document (see the class comment). */
  public static String write(TypedData td) {
    try {
      return MAPPER.writeValueAsString(TypedDataJsonTree.of(td));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static List<TypedData.Field> fields(Map.Entry<String, JsonNode> type) {
    String path = "types." + type.getKey();
    JsonNode members = type.getValue();
    if (!members.isArray()) {
      throw new TypedDataException(path, "expected an array of {name, type}");
    }
    List<TypedData.Field> fields = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      String memberPath = path + "[" + i + "]";
      JsonNode member = object(members.get(i), memberPath);
      fields.add(
          new TypedData.Field(
              text(member(member, "name", memberPath), memberPath + ".name"),
              text(member(member, "type", memberPath), memberPath + ".type")));
    }
    return fields;
  }

  private static Eip712Domain domain(JsonNode domain) {
    List<String> known = Eip712Domain.CANONICAL_FIELDS.stream().map(TypedData.Field::name).toList();
    domain
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw new TypedDataException("domain." + name, "unknown domain field");
              }
            });
    return new Eip712Domain(
        domain.has("name") ? text(domain.get("name"), "domain.name") : null,
        domain.has("version") ? text(domain.get("version"), "domain.version") : null,
        domain.has("chainId")
            ? AtomicValues.integer(
                toJava(domain.get("chainId"), "domain.chainId"), 256, false, "domain.chainId")
            : null,
        domain.has("verifyingContract")
            ? AtomicValues.address(
                toJava(domain.get("verifyingContract"), "domain.verifyingContract"),
                "domain.verifyingContract")
            : null,
        domain.has("salt")
            ? AtomicValues.fixedBytes(toJava(domain.get("salt"), "domain.salt"), 32, "domain.salt")
            : null);
  }

  /** A JSON value as the Java values {@link TypedData} messages hold. */
  private static Object toJava(JsonNode node, String path) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties()
          .forEach(
              entry ->
                  map.put(entry.getKey(), toJava(entry.getValue(), path + "." + entry.getKey())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(toJava(node.get(i), path + "[" + i + "]"));
      }
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isNull()) {
      throw new TypedDataException(path, "null is not a value");
    }
    throw new TypedDataException(path, "unexpected JSON " + node.getNodeType());
  }

  private static JsonNode member(JsonNode object, String name, String path) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw new TypedDataException(path + "." + name, "missing");
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new TypedDataException(path, "expected a JSON object, got " + node.getNodeType());
    }
    return node;
  }

  private static String text(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw new TypedDataException(path, "expected a string, got " + node.getNodeType());
    }
    return node.textValue();
  }
}
