package io.crogas.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The two exchanges' public price APIs on 127.0.0.1, answering their documented shapes with the
 * price and observation time a test sets: Crypto.com's {@code public/get-tickers} and CoinGecko's
 * {@code simple/price}.
 */
final class ExchangeStub implements AutoCloseable {
  private final HttpServer server;
  private volatile BigDecimal cryptoCom = BigDecimal.ONE;
  private volatile Instant cryptoComAt = Instant.now();
  private volatile BigDecimal coinGecko = BigDecimal.ONE;
  private volatile Instant coinGeckoAt = Instant.now();

  ExchangeStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/exchange/v1/public/get-tickers",
        exchange ->
            answer(
                exchange,
                """
                {"id":-1,"method":"public/get-tickers","code":0,"result":{"data":[
                 {"i":"CRO_USD","h":"1","l":"0.01","a":"%s","v":"1","vv":"1","c":"0",
                  "b":"0.01","k":"1","t":%d}]}}"""
                    .formatted(cryptoCom.toPlainString(), cryptoComAt.toEpochMilli())));
    server.createContext(
        "/api/v3/simple/price",
        exchange ->
            answer(
                exchange,
                "{\"crypto-com-chain\":{\"usd\":%s,\"last_updated_at\":%d}}"
                    .formatted(coinGecko.toPlainString(), coinGeckoAt.getEpochSecond())));
    server.start();
  }

  URI cryptoComBase() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/exchange/v1/");
  }

  URI coinGeckoBase() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3/");
  }

  void cryptoCom(String usd, Instant observedAt) {
    cryptoCom = new BigDecimal(usd);
    cryptoComAt = observedAt;
  }

  void coinGecko(String usd, Instant observedAt) {
    coinGecko = new BigDecimal(usd);
    coinGeckoAt = observedAt;
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
