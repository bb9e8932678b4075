package io.crogas.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.Wei;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reading and writing the scalar fields of the stored JSON documents. Integers of any size are
 * decimal strings (a JSON number loses precision past 2^53 in most readers), instants ISO-8601 with
 * their nanoseconds, addresses in their EIP-55 form.
 */
final class JsonFields {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFields() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String render(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always renders", e);
    }
  }

  /** The document in {@code json}; {@code what} names it in the failure. */
  static JsonNode parse(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException(what + " is not valid JSON", e);
    }
  }

  static JsonNode node(JsonNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child == null || child.isNull()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return child;
  }

  static Optional<JsonNode> optional(JsonNode parent, String field) {
    JsonNode child = parent.get(field);
    return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
  }

  static String text(JsonNode parent, String field) {
    return typed(parent, field, JsonNode::isTextual, "a string").textValue();
  }

  private static JsonNode typed(
      JsonNode parent, String field, Predicate<JsonNode> check, String expected) {
    JsonNode child = node(parent, field);
    if (!check.test(child)) {
      throw new IllegalArgumentException("field " + field + " is not " + expected);
    }
    return child;
  }

  static long number(JsonNode parent, String field) {
    return typed(
            parent,
            field,
            child -> child.canConvertToExactIntegral() && child.canConvertToLong(),
            "a whole number")
        .longValue();
  }

  static int smallNumber(JsonNode parent, String field) {
    return Math.toIntExact(number(parent, field));
  }

  static boolean flag(JsonNode parent, String field) {
    return typed(parent, field, JsonNode::isBoolean, "a boolean").booleanValue();
  }

  static BigInteger big(JsonNode parent, String field) {
    return new BigInteger(text(parent, field));
  }

  static Instant instant(JsonNode parent, String field) {
    return Instant.parse(text(parent, field));
  }

  static Address address(JsonNode parent, String field) {
    return new Address(text(parent, field));
  }

  static Hash32 hash(JsonNode parent, String field) {
    return new Hash32(text(parent, field));
  }

  static Wei wei(JsonNode parent, String field) {
    return new Wei(big(parent, field));
  }

  static ObjectNode amount(TokenAmount amount) {
    ObjectNode node = object();
    node.put("atomic", amount.atomic().toString());
    node.put("decimals", amount.decimals());
    return node;
  }

  static TokenAmount amount(JsonNode node) {
    return new TokenAmount(big(node, "atomic"), smallNumber(node, "decimals"));
  }
}
