package io.crogas.chain;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC node on loopback that answers each method with a scripted result or error member, or
 * never answers at all: for the wordings and failures anvil cannot be made to produce.
 */
final class StubNode implements AutoCloseable {
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"");

  private final HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  private StubNode(Map<String, String> answers, boolean hangs) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String request =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (hangs) {
            await();
            exchange.close();
            return;
          }
          Matcher method = METHOD.matcher(request);
          String member = method.find() ? answers.get(method.group(1)) : null;
          byte[] body =
              ("{\"jsonrpc\":\"2.0\",\"id\":1,"
                      + (member == null
                          ? "\"error\":{\"code\":-32601,\"message\":\"method not found\"}"
                          : member)
                      + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  /**
   * Answers {@code method} with the JSON member given ({@code "result":...} or {@code
   * "error":...}).
   */
  static StubNode answering(Map<String, String> answers) {
    return new StubNode(answers, false);
  }

  /** Takes every request and never answers it. */
  static StubNode silent() {
    return new StubNode(Map.of(), true);
  }

  static String error(String message) {
    return "\"error\":{\"code\":-32000,\"message\":\"" + message + "\"}";
  }

  static String result(String json) {
    return "\"result\":" + json;
  }

  JsonRpc rpc(Duration timeout) {
    return JsonRpc.connect("http://127.0.0.1:" + server.getAddress().getPort(), timeout);
  }

  private void await() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
