package io.crogas.prices;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for an exchange's public API on 127.0.0.1: answers every GET with the status,
 * body and delay a test sets, and remembers the paths and headers it was asked with.
 */
final class TickerServer implements AutoCloseable {
  private final HttpServer server;
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile Duration delay = Duration.ZERO;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> apiKeys = new CopyOnWriteArrayList<>();

  TickerServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          String key = exchange.getRequestHeaders().getFirst("x-cg-demo-api-key");
          if (key != null) {
            apiKeys.add(key);
          }
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  URI base(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void answer(int status, String body) {
    this.status = status;
    this.body = body;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
