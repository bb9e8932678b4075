package io.crogas.prices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One public price endpoint over HTTPS: a bounded GET answering JSON, every failure (transport,
 * status, body) a {@link PriceSourceException} that names the source but not the URL (it may carry
 * an API key).
 */
final class TickerEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_CHARS = 64 * 1024;

  private final String source;
  private final URI uri;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final HttpClient http;

  TickerEndpoint(String source, URI uri, Map<String, String> headers, Duration timeout) {
    this.source = source;
    this.uri = uri;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  String source() {
    return source;
  }

  JsonNode get() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw failure("did not answer (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw failure("answered HTTP " + response.statusCode(), null);
    }
    if (response.body().length() > MAX_BODY_CHARS) {
      throw failure("answered " + response.body().length() + " characters", null);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw failure("answered no JSON", e);
    }
  }

  /** A positive decimal from a JSON number or numeric string, or a failure naming the field. */
  BigDecimal price(JsonNode value, String field) {
    try {
      BigDecimal price =
          value.isNumber()
              ? value.decimalValue()
              : value.isTextual() ? new BigDecimal(value.asText()) : null;
      if (price != null && price.signum() > 0) {
        return price;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw failure("answered no positive " + field + " (" + shorten(value) + ")", null);
  }

  /** An epoch time from a JSON integer, or a failure naming the field. */
  long epoch(JsonNode value, String field) {
    if (value.canConvertToLong() && value.asLong() > 0) {
      return value.asLong();
    }
    throw failure("answered no " + field + " time (" + shorten(value) + ")", null);
  }

  PriceSourceException failure(String what, Throwable cause) {
    return new PriceSourceException(source + " " + what, cause);
  }

  private static String shorten(JsonNode value) {
    String text = value.isMissingNode() ? "missing" : value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
