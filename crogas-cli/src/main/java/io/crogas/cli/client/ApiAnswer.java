package io.crogas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server answered: its HTTP status and JSON body. Refusals (4xx) are answers too; the
 * caller decides.
 */
public record ApiAnswer(int status, JsonNode body) {
  /** 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** 503: the server is up but its chain or its relayer is not. */
  public boolean unavailable() {
    return status == 503;
  }

  /** {@code error: message} from the API's error shape, or the status alone. */
  public String refusal() {
    String code = body.path("error").asText("http_" + status);
    String message = body.path("message").asText("");
    return status + " " + code + (message.isEmpty() ? "" : ": " + message);
  }
}
