package io.crogas.eip712;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Golden vectors stored under src/test/resources/eip712. */
final class Golden {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Golden() {}

  static String text(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/eip712/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource eip712/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(JsonNode node, String field) {
    return Hex.decode(node.get(field).textValue());
  }

  /** The 65-byte signature (r ‖ s ‖ v) of a vector with fields r, s and v. */
  static byte[] signature(JsonNode node) {
    return new EcdsaSignature(
            new BigInteger(1, hex(node, "r")),
            new BigInteger(1, hex(node, "s")),
            node.get("v").intValue())
        .toBytes();
  }
}
