package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link EdgeFuzzTest} found, each as a fixed request: 500s for requests the client broke, and
 * answers outside the error shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeRegressionTest {
  private static final String VERIFY = "{\"paymentPayload\":{},\"paymentRequirements\":{}}";

  private ApiHarness harness;

  @BeforeAll
  void start() {
    harness = new ApiHarness();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private RawHttp.Answer send(String head, byte[] body, boolean halfClose) {
    byte[] start = (head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[start.length + body.length];
    System.arraycopy(start, 0, bytes, 0, start.length);
    System.arraycopy(body, 0, bytes, start.length, body.length);
    return RawHttp.exchange(harness.api.port(), new RawHttp.Exchange(bytes, halfClose), false)
        .orElseThrow(() -> new AssertionError("no answer"));
  }

  private RawHttp.Answer post(String path, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + bytes.length,
        bytes,
        false);
  }

  private static JsonNode error(RawHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + answer.text(), e);
    }
    assertThat(json.get("error").asText()).isEqualTo(code);
    assertThat(json.get("message").isTextual()).isTrue();
    assertThat(json.get("details").isObject()).isTrue();
    return json;
  }

  @Test
  void givenACharsetTheServerDoesNotKnow_whenPosted_thenTheUtf8BodyIsReadNotA500() {
    RawHttp.Answer answer =
        post("/x402/verify", "application/json; charset=does-not-exist", VERIFY);

    // The charset means nothing for JSON (RFC 8259): the UTF-8 body is read.
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.text()).contains("invalid_payload");
  }

  @Test
  void givenABodyThatEndsBeforeItsContentLength_whenPosted_then400NotA500() {
    RawHttp.Answer answer =
        send(
            "POST /x402/settle HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 500",
            VERIFY.getBytes(StandardCharsets.UTF_8),
            true);

    assertThat(error(answer, 400, "invalid_request").at("/details/body").asText())
        .contains("could not be read");
  }

  @Test
  void givenAChunkSizeThatIsNotHex_whenPosted_then400NotA500() {
    RawHttp.Answer answer =
        send(
            "POST /x402/quote HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
            ("zz\r\n" + VERIFY + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8),
            false);

    error(answer, 400, "invalid_request");
  }

  @Test
  void givenAChunkedBodyPastTheLimit_whenPosted_then413() {
    String big = "{\"pad\":\"" + "a".repeat(100_000) + "\"}";
    String chunk = Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n";

    RawHttp.Answer answer =
        send(
            "POST /x402/verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
            chunk.getBytes(StandardCharsets.UTF_8),
            false);

    error(answer, 413, "payload_too_large");
  }

  @Test
  void givenMalformedUtf8_whenPosted_then400InsteadOfReplacementCharacters() {
    // An overlong "/" (0xC0 0xAF) inside a string, which a lenient decoder turns into U+FFFD.
    byte[] body =
        "{\"paymentPayload\":{\"x\":\"\u00c0\u00af\"},\"paymentRequirements\":{}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Answer answer =
        send(
            "POST /x402/verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.length,
            body,
            false);

    assertThat(error(answer, 400, "invalid_request").at("/details/body").asText())
        .contains("UTF-8");
  }

  @Test
  void givenHeadersOverJettysLimit_then431InTheErrorShape() {
    error(
        send(
            "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "h".repeat(20_000),
            new byte[0],
            false),
        431,
        "invalid_request");
  }

  @Test
  void givenAnUnknownHttpVersion_then400InTheErrorShapeNot505() {
    error(
        send("GET /x402/supported HTTP/1.1x\r\nHost: x\r\nConnection: close", new byte[0], false),
        400,
        "invalid_request");
  }

  @Test
  void givenAMalformedHeaderOnAnotherMethod_then400InTheErrorShapeNotAnEmptyBody() {
    error(
        send(
            "DELETE /x402/settle HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header: x",
            new byte[0],
            false),
        400,
        "invalid_request");
  }

  @Test
  void givenAnExpectationTheServerCannotMeet_then417InTheErrorShape() {
    error(
        send(
            "GET /openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\nExpect: 200-ok",
            new byte[0],
            false),
        417,
        "invalid_request");
  }

  @Test
  void givenAnOriginCorsDoesNotAllow_whenAFileOrPageIsFetched_thenServedWithoutCorsHeaders() {
    for (String path : new String[] {"/app.css", "/openapi.json", "/dashboard"}) {
      RawHttp.Answer answer =
          send(
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: https://evil.example",
              new byte[0],
              false);

      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEmpty();
    }
  }
}
