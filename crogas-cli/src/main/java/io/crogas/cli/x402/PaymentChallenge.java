package io.crogas.cli.x402;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A 402 answer as x402 states it: v2 in the base64 JSON {@code PAYMENT-REQUIRED} header, v1 in the
 * JSON body ({@code x402Version: 1, accepts: [...]}). {@code resource} and {@code extensions} (such
 * as {@code bazaar}) are echoed into a v2 payment, as the reference client does.
 */
public record PaymentChallenge(
    int x402Version, List<JsonNode> accepts, JsonNode resource, JsonNode extensions, String error) {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The challenge in a 402 answer's {@code header} (v2) or {@code body} (v1), if either has one.
   */
  public static Optional<PaymentChallenge> read(Optional<String> header, String body) {
    Optional<JsonNode> document =
        header.flatMap(PaymentChallenge::decodeBase64Json).or(() -> parse(body));
    return document.filter(d -> d.path("accepts").isArray()).map(PaymentChallenge::of);
  }

  private static PaymentChallenge of(JsonNode document) {
    List<JsonNode> accepts = new ArrayList<>();
    document.path("accepts").forEach(accepts::add);
    JsonNode missing = JsonNodeFactory.instance.missingNode();
    return new PaymentChallenge(
        document.path("x402Version").asInt(1),
        List.copyOf(accepts),
        document.hasNonNull("resource") ? document.get("resource") : missing,
        document.hasNonNull("extensions") ? document.get("extensions") : missing,
        document.path("error").asText(""));
  }

  /** Each requirement, read: payable offers and the reasons the others are not. */
  public List<Offer.Reading> readings() {
    return accepts.stream().map(requirement -> Offer.read(x402Version, requirement)).toList();
  }

  static Optional<JsonNode> decodeBase64Json(String value) {
    try {
      byte[] bytes = Base64.getDecoder().decode(value.strip());
      return parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
