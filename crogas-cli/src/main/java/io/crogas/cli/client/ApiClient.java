package io.crogas.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A CroGas server's HTTP API (PRODUCT.md §5), spoken with the JDK's HTTP client. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final Optional<String> apiKey;

  /** Every request carries {@code Authorization: Bearer <apiKey>} when there is one. */
  public ApiClient(URI base, Duration timeout, Optional<String> apiKey) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.timeout = timeout;
    this.apiKey = apiKey;
  }

  public ApiAnswer post(String path, JsonNode body) {
    return post(path, body, Map.of());
  }

  public ApiAnswer post(String path, JsonNode body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    headers.forEach(request::header);
    return send(request.build());
  }

  public ApiAnswer get(String path) {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(timeout)
            .header("Accept", "application/json");
    apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
    return request;
  }

  private ApiAnswer send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ApiUnavailableException(
          request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnavailableException("interrupted during " + request.uri(), e);
    }
    return new ApiAnswer(response.statusCode(), parse(response.body()));
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JsonNodeFactory.instance.objectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.objectNode().put("message", "not JSON: " + body);
    }
  }

  private static String write(JsonNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
