package io.crogas.eip712;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
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
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf((1L << 53) - 1);

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
    ObjectNode root = NODES.objectNode();
    ObjectNode types = root.putObject("types");
    types.set(Eip712Domain.TYPE_NAME, fieldsJson(td.domain().fields()));
    td.types().forEach((name, fields) -> types.set(name, fieldsJson(fields)));
    root.put("primaryType", td.primaryType());
    root.set("domain", domainJson(td.domain()));
    root.set(
        "message",
        new JsonWriter(td.types()).walkStruct(td.primaryType(), td.message(), "message"));
    try {
      return MAPPER.writeValueAsString(root);
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

  private static ArrayNode fieldsJson(List<TypedData.Field> fields) {
    ArrayNode array = NODES.arrayNode();
    fields.forEach(field -> array.addObject().put("name", field.name()).put("type", field.type()));
    return array;
  }

  private static ObjectNode domainJson(Eip712Domain domain) {
    ObjectNode json = NODES.objectNode();
    if (domain.name() != null) {
      json.put("name", domain.name());
    }
    if (domain.version() != null) {
      json.put("version", domain.version());
    }
    if (domain.chainId() != null) {
      if (domain.chainId().compareTo(MAX_SAFE_INTEGER) <= 0) {
        json.put("chainId", domain.chainId().longValueExact());
      } else {
        json.put("chainId", domain.chainId().toString());
      }
    }
    if (domain.verifyingContract() != null) {
      json.put("verifyingContract", Eip55.checksum(domain.verifyingContract()));
    }
    if (domain.salt() != null) {
      json.put("salt", Hex.encode(domain.salt()));
    }
    return json;
  }

  /** Folds a message into JSON in the form wallets accept, checking it on the way. */
  private static final class JsonWriter extends MessageWalker<JsonNode> {
    JsonWriter(Map<String, List<TypedData.Field>> types) {
      super(types);
    }

    @Override
    JsonNode struct(String type, List<TypedData.Field> fields, List<JsonNode> values) {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < fields.size(); i++) {
        object.set(fields.get(i).name(), values.get(i));
      }
      return object;
    }

    @Override
    JsonNode array(List<JsonNode> elements) {
      return NODES.arrayNode().addAll(elements);
    }

    @Override
    JsonNode atomic(FieldType.Atomic type, Object value, String path) {
      return switch (type.kind()) {
        case UINT ->
            NODES.textNode(AtomicValues.integer(value, type.size(), false, path).toString());
        case INT -> NODES.textNode(AtomicValues.integer(value, type.size(), true, path).toString());
        case FIXED_BYTES ->
            NODES.textNode(Hex.encode(AtomicValues.fixedBytes(value, type.size(), path)));
        case BOOL -> NODES.booleanNode(AtomicValues.bool(value, path));
        case ADDRESS -> NODES.textNode(Eip55.checksum(AtomicValues.address(value, path)));
        case BYTES -> NODES.textNode(Hex.encode(AtomicValues.bytes(value, path)));
        case STRING -> NODES.textNode(AtomicValues.string(value, path));
      };
    }
  }
}
