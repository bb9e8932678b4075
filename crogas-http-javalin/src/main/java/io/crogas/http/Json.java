package io.crogas.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

  /**
   * The request body as a JSON object; 400 for anything else (wrong type, not JSON, not UTF-8,
   * empty, or a body that ends early or whose chunked framing is broken).
   */
  static JsonNode body(Context ctx) {
    // The header as sent: the servlet's parsed form throws on a charset it does not know.
    String type = ctx.header("Content-Type");
    if (type == null
        || !type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      throw ApiException.invalid("Content-Type", "must be application/json");
    }
    return parseObject(bytes(ctx), "body");
  }

  /** The body's bytes: JSON is UTF-8 whatever the charset parameter says (RFC 8259). */
  private static byte[] bytes(Context ctx) {
    try {
      return ctx.bodyAsBytes();
    } catch (HttpResponseException tooLarge) {
      throw tooLarge;
    } catch (Exception unreadable) {
      // Jetty's early EOF or bad chunk: the client's framing, not a server failure.
      throw ApiException.invalid(
          "body", "could not be read: it ended early or its framing is broken");
    }
  }

  /**
   * {@code bytes} as a JSON object, problems reported under {@code field}. The bytes must be UTF-8
   * exactly (no overlong forms, no encoded surrogates), as RFC 8259 requires: a lenient decoder
   * would pass replacement characters, or a "/" written in two bytes, on to the field parsers.
   */
  static JsonNode parseObject(byte[] bytes, String field) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalid(field, "is not UTF-8");
    }
    return parseObject(text, field);
  }

  /** {@code text} as a JSON object, problems reported under {@code field}. */
  private static JsonNode parseObject(String text, String field) {
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
    write(ctx, status, bytes(body));
  }

  /** An answer already in JSON's bytes (UTF-8). */
  static void write(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json").result(body);
  }

  static byte[] bytes(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
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
