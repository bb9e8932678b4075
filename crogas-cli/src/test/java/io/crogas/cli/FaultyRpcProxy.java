package io.crogas.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC proxy on 127.0.0.1 in front of anvil that, once faults are switched on, answers some
 * requests with errors without forwarding them, forwards some and then loses the answer (the node
 * acted, the client cannot know), and delays some past the client's timeout. With {@link #down} on,
 * it answers 503 to everything without forwarding (the RPC is unreachable). With {@link
 * #hideReceipts} on, receipts are answered "not yet" (a lagging or load-balanced RPC); with {@link
 * #garbleSends} on, each raw transaction is forwarded and the node's answer replaced by an error
 * whose wording no node uses (the send arrived; the answer says nothing useful).
 */
final class FaultyRpcProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI upstream;
  private final AtomicInteger requests = new AtomicInteger();
  final AtomicBoolean faults = new AtomicBoolean();
  final AtomicBoolean down = new AtomicBoolean();
  final AtomicInteger faulted = new AtomicInteger();
  final AtomicBoolean hideReceipts = new AtomicBoolean();
  final AtomicBoolean garbleSends = new AtomicBoolean();
  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  FaultyRpcProxy(String upstreamUrl, Duration delay) throws IOException {
    this.upstream = URI.create(upstreamUrl);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", exchange -> handle(exchange, delay));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests forwarded to the node so far (none while {@link #down}). */
  int forwarded() {
    return requests.get();
  }

  private void handle(HttpExchange exchange, Duration delay) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (down.get()) {
      reply(exchange, 503, "upstream down".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    if (hideReceipts.get() && text.contains("\"eth_getTransactionReceipt\"")) {
      faulted.incrementAndGet();
      reply(exchange, 200, answer(text, "\"result\":null"));
      return;
    }
    int n = requests.incrementAndGet();
    boolean faulty = faults.get();
    try {
      if (faulty && n % 13 == 0) {
        faulted.incrementAndGet();
        reply(exchange, 500, "upstream exploded".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      if (faulty && n % 17 == 0) {
        Thread.sleep(delay.toMillis());
      }
      HttpResponse<byte[]> answer = forward(client, upstream, body);
      if (garbleSends.get() && text.contains("\"eth_sendRawTransaction\"")) {
        faulted.incrementAndGet();
        reply(
            exchange,
            200,
            answer(text, "\"error\":{\"code\":-32000,\"message\":\"upstream hiccup 42\"}"));
        return;
      }
      if (faulty && n % 9 == 0) {
        faulted.incrementAndGet();
        reply(exchange, 502, new byte[0]); // the node acted; the answer is lost
        return;
      }
      reply(exchange, answer.statusCode(), answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(exchange, 503, new byte[0]);
    } catch (IOException e) {
      reply(exchange, 503, new byte[0]);
    }
  }

  /** Sends a JSON-RPC request body on to the node as it came. */
  static HttpResponse<byte[]> forward(HttpClient client, URI upstream, byte[] body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(upstream)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A JSON-RPC answer to {@code request} (same id) with {@code member} as result or error. */
  private static byte[] answer(String request, String member) {
    java.util.regex.Matcher id = ID.matcher(request);
    String value = id.find() ? id.group(1) : "1";
    return ("{\"jsonrpc\":\"2.0\",\"id\":" + value + "," + member + "}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
