package io.crogas.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 as an operator would run one, that can be down (nothing
 * listening: connection refused), answer 500 to its first requests, and then accept. Records every
 * request it saw, answered or not.
 */
final class WebhookReceiver implements AutoCloseable {
  final int port;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<Received> received = new ArrayList<>();
  private HttpServer server;

  /** A receiver on a free port, down until {@link #up}. */
  WebhookReceiver() throws IOException {
    this.port = ServedNetwork.freePort();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/hooks/crogas";
  }

  /** Starts listening; the first {@code failures} requests are answered 500. */
  synchronized void up(int failures) {
    failuresLeft.set(failures);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks/crogas",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean accept = failuresLeft.getAndDecrement() <= 0;
          synchronized (this) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("CroGas-Delivery"),
                    exchange.getRequestHeaders().getFirst("CroGas-Event"),
                    exchange.getRequestHeaders().getFirst("CroGas-Signature"),
                    body,
                    accept));
          }
          exchange.sendResponseHeaders(accept ? 204 : 500, -1);
          exchange.close();
        });
    server.start();
  }

  /** From now on, answer the next {@code failures} requests 500, then accept. */
  void failNext(int failures) {
    failuresLeft.set(failures);
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** One request as it arrived, and whether it was answered 2xx. */
  record Received(
      String deliveryId, String event, String signature, String body, boolean accepted) {}
}
