package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static io.crogas.http.RelayRoutesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.InMemoryApiKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request ids, CORS, rate limits, size limits, unknown routes and an unreachable chain. */
class EdgeTest {
  private final ApiHarness harness = new ApiHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void givenNoRequestId_whenAnswered_thenOneIsGenerated_andASaneOneIsEchoed() {
    assertThat(harness.get("/x402/supported").headers().firstValue("X-Request-Id")).isPresent();
    assertThat(
            harness
                .get("/x402/supported", "X-Request-Id", "abc-123")
                .headers()
                .firstValue("X-Request-Id"))
        .hasValue("abc-123");
    assertThat(
            harness
                .get("/x402/supported", "X-Request-Id", "bad id\"<>")
                .headers()
                .firstValue("X-Request-Id"))
        .isPresent()
        .get()
        .isNotEqualTo("bad id\"<>");
    HttpResponse<String> error = harness.post("/x402/quote", "{", "X-Request-Id", "err-1");
    assertThat(error.headers().firstValue("X-Request-Id")).hasValue("err-1");
  }

  @Test
  void givenAnAllowedOrigin_whenAsked_thenCorsHeadersAllowIt() {
    HttpResponse<String> response = harness.get("/x402/supported", "Origin", "https://app.example");

    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(
            harness
                .get("/x402/supported", "Origin", "https://evil.example")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
  }

  /** Limits of 100 a minute everywhere but {@code perIp}, {@code perKey} and {@code faucet}. */
  static ApiSettings.RateLimits limits(int perIp, int perKey, int faucet) {
    return new ApiSettings.RateLimits(
        ApiSettings.RateLimit.perMinute(perIp),
        ApiSettings.RateLimit.perMinute(perKey),
        ApiSettings.RateLimit.perMinute(100),
        ApiSettings.RateLimit.perMinute(faucet));
  }

  @Test
  void givenTooManyRequestsFromOneIp_whenOneMoreArrives_then429WithRetryAfterUntilItRefills() {
    ApiHarness limited =
        new ApiHarness(s -> s.withAccess(s.access().withLimits(limits(2, 100, 100))));
    try {
      limited.get("/x402/supported");
      limited.get("/x402/supported");
      HttpResponse<String> third = limited.get("/x402/supported");

      assertError(third, 429, "rate_limited");
      assertThat(json(third).at("/details/scope").asText()).isEqualTo("IP address");
      // Two a minute refill one every 30 s.
      assertThat(third.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(limited.get("/health").statusCode()).isEqualTo(200);
      limited.fixture.clock.advance(Duration.ofSeconds(30));
      assertThat(limited.get("/x402/supported").statusCode()).isEqualTo(200);
      assertError(limited.get("/x402/supported"), 429, "rate_limited");
    } finally {
      limited.close();
    }
  }

  @Test
  void givenATrustedProxy_whenItForwardsClients_thenEachForwardedClientHasItsOwnIpLimit() {
    ApiHarness proxied =
        new ApiHarness(
            s ->
                s.withAccess(
                    s.access()
                        .withLimits(limits(2, 100, 100))
                        .withTrustedProxies(TrustedProxies.parse("127.0.0.1/32"))));
    try {
      String forwarded = "X-Forwarded-For";
      proxied.get("/x402/supported", forwarded, "203.0.113.7");
      // What the client wrote left of the proxy's entry does not make it someone else.
      proxied.get("/x402/supported", forwarded, "1.1.1.1, 203.0.113.7");
      HttpResponse<String> third =
          proxied.get("/x402/supported", forwarded, "2.2.2.2, 203.0.113.7");
      HttpResponse<String> other = proxied.get("/x402/supported", forwarded, "203.0.113.8");

      assertError(third, 429, "rate_limited");
      assertThat(other.statusCode()).isEqualTo(200);
    } finally {
      proxied.close();
    }
  }

  @Test
  void givenAPeerThatIsNotATrustedProxy_whenItSendsXForwardedFor_thenItIsIgnored() {
    ApiHarness direct =
        new ApiHarness(
            s ->
                s.withAccess(
                    s.access()
                        .withLimits(limits(2, 100, 100))
                        .withTrustedProxies(TrustedProxies.parse("10.0.0.0/8"))));
    try {
      direct.get("/x402/supported", "X-Forwarded-For", "203.0.113.1");
      direct.get("/x402/supported", "X-Forwarded-For", "203.0.113.2");
      HttpResponse<String> third = direct.get("/x402/supported", "X-Forwarded-For", "203.0.113.3");

      assertError(third, 429, "rate_limited");
    } finally {
      direct.close();
    }
  }

  @Test
  void givenOneAddressAsksTheFaucetTwice_whenTheLimitIsOne_then429() {
    ApiHarness limited =
        new ApiHarness(s -> s.withAccess(s.access().withLimits(limits(100, 100, 1))));
    try {
      String body = "{\"address\":\"" + limited.fixture.user.address() + "\"}";
      assertThat(limited.post("/faucet/usdc", body).statusCode()).isEqualTo(200);
      HttpResponse<String> second = limited.post("/faucet/usdc", body);
      assertError(second, 429, "rate_limited");
      assertThat(json(second).at("/details/scope").asText()).isEqualTo("faucet recipient");
      assertThat(limited.minted).hasSize(1);
    } finally {
      limited.close();
    }
  }

  @Test
  void givenTheFaucetIsDisabled_whenAsked_then403() {
    ApiHarness production =
        new ApiHarness(
            s ->
                new ApiSettings(
                    s.chainId(),
                    s.forwarder(),
                    s.usdc(),
                    s.signers(),
                    s.explorerTxUrl(),
                    s.facilitateWait(),
                    s.facilitatorFeeBps(),
                    s.maxBodyBytes(),
                    s.corsOrigins(),
                    s.access(),
                    ApiSettings.FaucetSettings.disabled()));
    try {
      assertError(production.post("/faucet/usdc", "{}"), 403, "forbidden");
    } finally {
      production.close();
    }
  }

  @Test
  void givenABodyOverTheLimit_whenPosted_then413() {
    String huge = "{\"a\":\"" + "x".repeat(100_000) + "\"}";

    assertError(harness.post("/x402/quote", huge), 413, "payload_too_large");
  }

  @Test
  void givenAChunkedBodyOverTheLimit_whenPosted_then413Or400NeverA5xx() {
    byte[] huge =
        ("{\"a\":\"" + "x".repeat(200_000) + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(harness.uri("/x402/quote"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(huge)));

    HttpResponse<String> response = harness.send(request);

    assertThat(response.statusCode()).isIn(400, 413);
    assertThat(json(response).get("error").asText()).isIn("payload_too_large", "invalid_request");
  }

  @Test
  void givenAnUnknownRoute_whenAsked_then404InTheErrorShape() {
    assertError(harness.get("/nothing/here"), 404, "not_found");
  }

  @Test
  void givenAnUnreachableChain_whenAnyUseCaseNeedsIt_then503() {
    Fixture fixture = new Fixture();
    HttpApi api =
        HttpApi.builder()
            .quotes(
                command -> {
                  throw new ChainUnavailableException("rpc down");
                })
            .submissions(
                request -> {
                  throw new ChainUnavailableException("rpc down");
                })
            .queries(new io.crogas.domain.service.FindRelaysService(fixture.journal, fixture.chain))
            .payments(fixture.payments, fixture.payments)
            .settings(ApiHarness.settings(fixture))
            .health(
                () -> {
                  throw new ChainUnavailableException("rpc down");
                })
            .apiKeys(new InMemoryApiKeys())
            .clock(fixture.clock)
            .build()
            .start("127.0.0.1", 0);
    try {
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      String body =
          "{\"userAddress\":\""
              + fixture.user.address()
              + "\",\"target\":\""
              + Fixture.TARGET
              + "\",\"calldata\":\"0x\",\"gasLevel\":\"normal\"}";
      HttpResponse<String> quote =
          client.send(
              HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + api.port() + "/x402/quote"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + api.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertError(quote, 503, "unavailable");
      assertThat(quote.body()).doesNotContain("Exception").doesNotContain("at io.");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(json(health).get("status").asText()).isEqualTo("down");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      api.stop();
    }
  }
}
