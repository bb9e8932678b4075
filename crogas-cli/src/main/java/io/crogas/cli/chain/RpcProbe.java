package io.crogas.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a JSON-RPC endpoint its chain id: is it up, and is it the chain we mean. */
public final class RpcProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAIN_ID =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

  private final HttpClient client;
  private final Duration timeout;

  public RpcProbe(Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  /** What the endpoint answered. */
  public sealed interface Answer {
    /** It answered {@code eth_chainId}. */
    record ChainIdIs(long chainId) implements Answer {}

    /** It did not answer, or not with a chain id. */
    record Unreachable(String reason) implements Answer {}
  }

  public Answer chainId(String url) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(CHAIN_ID))
              .build();
    } catch (IllegalArgumentException e) {
      return new Answer.Unreachable("not a URL: " + url);
    }
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode result = JSON.readTree(response.body()).path("result");
      if (!result.isTextual() || !result.asText().startsWith("0x")) {
        return new Answer.Unreachable(url + " answered eth_chainId without a chain id");
      }
      return new Answer.ChainIdIs(
          new BigInteger(result.asText().substring(2), 16).longValueExact());
    } catch (IOException | RuntimeException e) {
      return new Answer.Unreachable(url + " does not answer JSON-RPC (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.Unreachable("interrupted while asking " + url);
    }
  }
}
