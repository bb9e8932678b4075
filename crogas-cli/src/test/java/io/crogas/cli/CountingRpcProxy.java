package io.crogas.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC proxy on 127.0.0.1 that forwards everything to the node and counts HTTP requests
 * (round trips) and JSON-RPC calls by method, batches included: the benchmark's "RPC calls per
 * settlement", and answers that refuse a transaction as "nonce too low" (the multi-instance drills
 * expect none: one writer per key).
 */
final class CountingRpcProxy implements AutoCloseable {
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(32);
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI upstream;
  private final LongAdder roundTrips = new LongAdder();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final LongAdder nonceTooLow = new LongAdder();

  CountingRpcProxy(String upstreamUrl) throws IOException {
    this.upstream = URI.create(upstreamUrl);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Forgets the counts so far (the set-up's calls). */
  void reset() {
    roundTrips.reset();
    calls.clear();
  }

  /** Answers so far that said "nonce too low" (any case). */
  long nonceTooLow() {
    return nonceTooLow.sum();
  }

  void print(int settlements) {
    System.out.printf(
        "  JSON-RPC per settlement: %.2f HTTP round trips;",
        roundTrips.doubleValue() / settlements);
    new TreeMap<>(calls)
        .forEach(
            (method, count) ->
                System.out.printf(" %s %.2f", method, count.doubleValue() / settlements));
    System.out.println();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    roundTrips.increment();
    Matcher methods = METHOD.matcher(new String(body, StandardCharsets.UTF_8));
    while (methods.find()) {
      calls.computeIfAbsent(methods.group(1), m -> new LongAdder()).increment();
    }
    try {
      HttpResponse<byte[]> answer = FaultyRpcProxy.forward(client, upstream, body);
      if (new String(answer.body(), StandardCharsets.UTF_8)
          .toLowerCase(Locale.ROOT)
          .contains("nonce too low")) {
        nonceTooLow.increment();
      }
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(503, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
