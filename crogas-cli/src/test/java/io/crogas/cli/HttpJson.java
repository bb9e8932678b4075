package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An outside client of the HTTP API: JSON POST and GET with the JDK's client, answers with status,
 * headers and the body as text and as JSON (tests assert on all three).
 */
final class HttpJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpJson(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** One HTTP answer. */
  record Answer(int status, HttpHeaders headers, String text) {
    /** The body as JSON; fails the test with the body when it is not JSON. */
    JsonNode json() {
      try {
        return MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + text, e);
      }
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + text;
    }
  }

  /**
   * The API's error shape outside x402 verify/settle: {@code status}, {@code {error: code, message,
   * details: {...}}}, and no stack trace.
   */
  static void assertError(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    JsonNode body = answer.json();
    assertThat(body.path("error").asText()).as(answer.toString()).isEqualTo(code);
    assertThat(body.path("message").asText()).as(answer.toString()).isNotBlank();
    assertThat(body.path("details").isObject()).as(answer.toString()).isTrue();
    assertThat(answer.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  Answer get(String path) {
    return send(request(path).GET().build());
  }

  /** POSTs {@code body} (a {@link JsonNode}, or raw text sent as is) as JSON; headers in pairs. */
  Answer post(String path, Object body, String... headers) {
    String text = body instanceof JsonNode node ? node.toString() : body.toString();
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
