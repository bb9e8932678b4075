package io.crogas.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Reading request bodies strictly and writing JSON answers. */
final class Json {
  /**
   * Duplicate keys, trailing garbage and deep nesting are refused; floats stay {@code BigDecimal}
   * (never expanded to integers), and numbers longer than 100 digits are refused by the parser.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build());
  }

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The request body as a JSON object; 400 for anything else (wrong type, not JSON, empty). */
  static JsonNode body(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      throw ApiException.invalid("Content-Type", "must be application/json");
    }
    return parseObject(ctx.body(), "body");
  }

  /** {@code text} as a JSON object, problems reported under {@code field}. */
  static JsonNode parseObject(String text, String field) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid(field, "is empty; a JSON object is required");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(field, "is not valid JSON: " + shorten(e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      throw ApiException.invalid(field, "must be a JSON object");
    }
    return node;
  }

  /** {@code text} as a JSON object, or empty when it is not one (for JSON inside a field). */
  static Optional<JsonNode> readObject(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static void write(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** Parser messages can quote the input; keep them short. */
  static String shorten(String message) {
    String text = message == null ? "" : message;
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
