package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No body, however malformed, gets a 5xx or a stack trace: every POST endpoint against a table of
 * broken bodies answers 4xx in the error shape, except that x402 verify/settle answer a readable
 * request whose payment is broken in-band (200, {@code invalid_payload}), as PRODUCT.md §4 says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
  private static final List<String> ENDPOINTS =
      List.of("/x402/quote", "/x402/facilitate", "/x402/verify", "/x402/settle", "/faucet/usdc");
  private static final String ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  /** Readable x402 requests (payment and requirements present) with a broken payment. */
  private static final List<String> IN_BAND =
      List.of(
          "{\"paymentPayload\":{},\"paymentRequirements\":{}}",
          "{\"paymentPayload\":{\"x402Version\":2,\"payload\":null},\"paymentRequirements\":[]}",
          "{\"paymentPayload\":\"yes\",\"paymentRequirements\":{\"scheme\":1}}",
          "{\"paymentHeader\":\"e30=\",\"paymentRequirements\":{}}",
          "{\"paymentHeader\":12,\"paymentRequirements\":{}}",
          "{\"paymentHeader\":\"%%%\",\"paymentRequirements\":{}}",
          "{\"paymentHeader\":\"bm90IGpzb24=\",\"paymentRequirements\":{}}");

  private ApiHarness harness;

  @BeforeAll
  void start() {
    harness = new ApiHarness();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  static List<String> bodies() {
    List<String> bodies = new ArrayList<>();
    bodies.addAll(
        List.of(
            "",
            " ",
            "null",
            "[]",
            "\"text\"",
            "42",
            "{",
            "{}}",
            "{\"a\":1,\"a\":2}",
            "{} trailing",
            "not json at all",
            "{\"userAddress\":123}",
            "{\"userAddress\":[],\"target\":{},\"calldata\":true,\"gasLevel\":null}",
            "{\"userAddress\":\"0xzz\",\"target\":\""
                + ADDRESS.toLowerCase()
                + "\",\"calldata\":\"0x1\",\"gasLevel\":\"\"}",
            "{\"userAddress\":\"" + ADDRESS.replace('F', 'f') + "\"}",
            "{\"deadline\":1e999999999,\"nonce\":-1}",
            "{\"deadline\":" + "9".repeat(5000) + "}",
            "{\"deadline\":\"" + "9".repeat(100) + "\",\"nonce\":\"0x10\"}",
            "{\"deadline\":1.5,\"nonce\":\"1e3\"}",
            "{\"payment\":\"yes\"}",
            "{\"payment\":{\"authorization\":[],\"signature\":1}}",
            "{\"paymentPayload\":{\"x402Version\":3}}",
            "{\"paymentPayload\":{\"x402Version\":\"2\",\"accepted\":7,\"payload\":{\"authorization\":{}}}}",
            "{\"paymentPayload\":null,\"paymentRequirements\":{}}",
            "{\"paymentRequirements\":{\"scheme\":\"exact\"}}",
            "{\"paymentHeader\":\"\"}",
            "{\"paymentHeader\":null,\"paymentRequirements\":{}}",
            "{\"paymentHeader\":\"bm90IGpzb24=\"}",
            "{\"paymentHeader\":12}",
            "{\"address\":\"" + ADDRESS + "\",\"amount\":\"1e999999999\"}",
            "{\"address\":\"" + ADDRESS + "\",\"amount\":-5}",
            "{\"address\":\"" + ADDRESS + "\",\"amount\":\"0.0000001\"}",
            "\u0000\u0001\u0002",
            "{\"a\":\"\\ud800\"}"));
    bodies.add("[".repeat(10_000));
    bodies.add("{\"a\":" + "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_001));
    bodies.add("{\"userAddress\":\"" + "a".repeat(60_000) + "\"}");
    return bodies;
  }

  static Stream<Arguments> cases() {
    return ENDPOINTS.stream()
        .flatMap(endpoint -> bodies().stream().map(body -> Arguments.of(endpoint, body)));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("cases")
  void givenAMalformedBody_whenPosted_thenA4xxInTheErrorShape(String endpoint, String body) {
    assertClientError(harness.post(endpoint, body));
  }

  static Stream<Arguments> inBandCases() {
    return Stream.of("/x402/verify", "/x402/settle")
        .flatMap(endpoint -> IN_BAND.stream().map(body -> Arguments.of(endpoint, body)));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("inBandCases")
  void givenAReadableX402RequestWithABrokenPayment_whenPosted_then200InvalidPayload(
      String endpoint, String body) {
    HttpResponse<String> response = harness.post(endpoint, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = ApiHarness.json(response);
    String reason = endpoint.endsWith("verify") ? "invalidReason" : "errorReason";
    assertThat(answer.get(reason).asText()).as(response.body()).isEqualTo("invalid_payload");
    assertThat(answer.has("isValid") ? answer.get("isValid").asBoolean() : false).isFalse();
    assertThat(answer.has("success") ? answer.get("success").asBoolean() : false).isFalse();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void givenWrongContentTypes_whenPosted_then400() {
    for (String endpoint : ENDPOINTS) {
      assertClientError(harness.postAs(endpoint, "text/plain", "{}"));
      assertClientError(harness.postAs(endpoint, null, "{}"));
      assertClientError(harness.postAs(endpoint, "application/x-www-form-urlencoded", "a=b"));
    }
  }

  /**
   * A 10 MB body is refused from its headers: the answer comes before the body is read, so the test
   * reads it first (a client that keeps writing meets a closed socket, which is the point).
   */
  @Test
  void givenATenMegabyteBody_whenPosted_then413() throws java.io.IOException {
    for (String endpoint : ENDPOINTS) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", harness.api.port())) {
        socket.setSoTimeout(10_000);
        String head =
            "POST "
                + endpoint
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + (10 * 1024 * 1024)
                + "\r\nConnection: close\r\n\r\n{\"a\":\"";
        socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer =
            new String(
                socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"error\":\"payload_too_large\"").doesNotContain("Exception");
      }
    }
  }

  @Test
  void givenFieldErrors_whenQuoted_thenEachFieldIsNamedInDetails() {
    HttpResponse<String> response =
        harness.post(
            "/x402/quote",
            "{\"userAddress\":\"0xzz\",\"target\":5,\"calldata\":\"0x1\",\"deadline\":-3}");

    JsonNode details = ApiHarness.json(response).get("details");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(details.fieldNames())
        .toIterable()
        .contains("userAddress", "target", "calldata", "gasLevel", "deadline");
    assertThat(details.get("gasLevel").asText()).isEqualTo("is required");
    assertThat(details.get("calldata").asText()).contains("even number of digits");
  }

  @Test
  void givenNestedFieldErrors_whenFacilitated_thenDottedPathsNameThem() {
    HttpResponse<String> response =
        harness.post(
            "/x402/facilitate",
            "{\"payment\":{\"authorization\":{\"from\":\"x\",\"value\":\"-1\"},\"signature\":\"0x00\"}}");

    JsonNode details = ApiHarness.json(response).get("details");
    assertThat(details.fieldNames())
        .toIterable()
        .contains(
            "payment.authorization.from",
            "payment.authorization.value",
            "payment.authorization.nonce",
            "payment.signature");
  }

  private static void assertClientError(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    JsonNode body = ApiHarness.json(response);
    assertThat(body.get("error").isTextual()).as(response.body()).isTrue();
    assertThat(body.get("message").isTextual()).isTrue();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
