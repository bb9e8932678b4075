package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.Wei;
import io.crogas.domain.service.FindRelaysService;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.InMemoryApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The API on 127.0.0.1 (random port), wired to the core on in-memory fakes, and a client. */
final class ApiHarness implements AutoCloseable {
  static final String EXPLORER = "https://explorer.cronos.org/testnet/tx/";

  final Fixture fixture;
  final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
  final List<String> minted = new ArrayList<>();
  HealthReport.Status healthStatus = HealthReport.Status.OK;
  Activity activity = new Activity(java.util.List.of(), java.util.List.of());

  /** When set, the health probe fails with it (the chain unreachable). */
  volatile RuntimeException healthFailure;

  final HttpApi api;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiHarness() {
    this(settings -> settings);
  }

  ApiHarness(UnaryOperator<ApiSettings> customize) {
    this(customize, builder -> builder);
  }

  ApiHarness(UnaryOperator<ApiSettings> customize, UnaryOperator<HttpApi.Builder> build) {
    this(new Fixture(), customize, build);
  }

  /** Over {@code fixture}, for use cases wired differently on its fakes. */
  ApiHarness(
      Fixture fixture, UnaryOperator<ApiSettings> customize, UnaryOperator<HttpApi.Builder> build) {
    this.fixture = fixture;
    HttpApi.Builder builder =
        HttpApi.builder()
            .quotes(fixture.quotes)
            .submissions(fixture.relay)
            .queries(new FindRelaysService(fixture.journal, fixture.chain))
            .payments(fixture.payments, fixture.payments)
            .settings(customize.apply(settings(fixture)))
            .health(this::health)
            .activity(() -> activity)
            .faucet(
                (to, amount) -> {
                  minted.add(to + "=" + amount);
                  return Hash32.of(new byte[32]);
                })
            .apiKeys(apiKeys)
            .clock(fixture.clock)
            .gauge("crogas.queue.depth", "jobs waiting", () -> 3);
    api = build.apply(builder).build().start("127.0.0.1", 0);
  }

  static ApiSettings settings(Fixture fixture) {
    return new ApiSettings(
        Fixture.CHAIN,
        Fixture.FORWARDER,
        fixture.usdc,
        List.of(Fixture.RELAYER),
        Optional.of(EXPLORER),
        Duration.ofSeconds(2),
        100,
        64 * 1024,
        List.of("https://app.example"),
        ApiSettings.Access.open()
            .withLimits(
                new ApiSettings.RateLimits(
                    ApiSettings.RateLimit.perMinute(10_000),
                    ApiSettings.RateLimit.perMinute(10_000),
                    ApiSettings.RateLimit.perMinute(10_000),
                    ApiSettings.RateLimit.perMinute(100))),
        new ApiSettings.FaucetSettings(
            true, TokenAmount.usdc(100_000_000), TokenAmount.usdc(1_000_000_000)));
  }

  /** {@code s} with other access rules and limits and another cap on settles in flight. */
  static ApiSettings with(ApiSettings s, ApiSettings.Access access, int settleInFlightLimit) {
    return new ApiSettings(
        s.chainId(),
        s.forwarder(),
        s.usdc(),
        s.signers(),
        s.explorerTxUrl(),
        s.facilitateWait(),
        s.facilitatorFeeBps(),
        s.maxBodyBytes(),
        s.corsOrigins(),
        access,
        s.faucet(),
        settleInFlightLimit);
  }

  private HealthReport health() {
    if (healthFailure != null) {
      throw healthFailure;
    }
    return new HealthReport(
        healthStatus,
        Fixture.CHAIN,
        1234,
        12,
        List.of(
            new HealthReport.RelayerBalance(
                Fixture.RELAYER, Wei.of(1_500_000_000_000_000_000L), TokenAmount.usdc(2_500_000))),
        Fixture.FORWARDER,
        fixture.usdc,
        "0.1.0",
        Duration.ofSeconds(42));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<String> post(String path, String body, String... headers) {
    return postAs(path, "application/json", body, headers);
  }

  HttpResponse<String> post(String path, JsonNode body, String... headers) {
    return post(path, body.toString(), headers);
  }

  HttpResponse<String> postAs(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request, headers);
  }

  HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  @Override
  public void close() {
    api.stop();
  }
}
