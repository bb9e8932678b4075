package io.crogas.eip712;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Builds the {@code eth_signTypedData_v4} JSON tree of a document in wallet-friendly forms. */
final class TypedDataJsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf((1L << 53) - 1);

  private TypedDataJsonTree() {}

  /** The JSON tree of {@code td}. */
  static ObjectNode of(TypedData td) {
    ObjectNode root = NODES.objectNode();
    ObjectNode types = root.putObject("types");
    types.set(Eip712Domain.TYPE_NAME, fieldsJson(td.domain().fields()));
    td.types().forEach((name, fields) -> types.set(name, fieldsJson(fields)));
    root.put("primaryType", td.primaryType());
    root.set("domain", domainJson(td.domain()));
    root.set(
        "message",
        new JsonWriter(td.types()).walkStruct(td.primaryType(), td.message(), "message"));
    return root;
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
