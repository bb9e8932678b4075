package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.service.PaymentService;
import io.crogas.testfixtures.FakeEngine;
import io.crogas.testfixtures.Fixture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Settle waits for the chain without holding a server thread, and at most the configured number of
 * settles wait at once: a chain whose receipts never come neither starves the other endpoints nor
 * piles up settles without bound.
 */
class SettleInFlightTest {
  private static final int BEYOND_THREADS = HttpApi.MAX_THREADS + 50;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The API over a facilitator whose receipts never come, waiting {@code wait} for each. */
  private static ApiHarness slowChain(Duration wait, int settleInFlightLimit) {
    Fixture fixture = new Fixture();
    fixture.engine.mode = FakeEngine.Mode.HOLD;
    PaymentService payments = fixture.payments(wait);
    return new ApiHarness(
        fixture,
        settings -> ApiHarness.with(settings, settings.access(), settleInFlightLimit),
        builder -> builder.payments(payments, payments));
  }

  private CompletableFuture<HttpResponse<String>> settleAsync(
      ApiHarness harness, String path, X402Format format) {
    String body =
        X402Payments.body(
                format, X402Payments.payment(harness.fixture, 1_000, harness.fixture.user), 1_000)
            .toString();
    return client.sendAsync(
        HttpRequest.newBuilder(harness.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int sent(ApiHarness harness) {
    synchronized (harness.fixture.engine) {
      return harness.fixture.engine.executed.size();
    }
  }

  @Test
  void givenMoreSettlesWaitingThanServerThreads_thenHealthAndSupportedAnswerPromptly() {
    try (ApiHarness harness = slowChain(Duration.ofMinutes(2), BEYOND_THREADS)) {
      List<CompletableFuture<HttpResponse<String>>> settles =
          IntStream.range(0, BEYOND_THREADS)
              .mapToObj(i -> settleAsync(harness, "/x402/settle", X402Format.V2))
              .toList();
      await().atMost(Duration.ofSeconds(60)).until(() -> sent(harness) == BEYOND_THREADS);

      long started = System.nanoTime();
      HttpResponse<String> health = harness.get("/health");
      HttpResponse<String> supported = harness.get("/x402/supported");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(supported.statusCode()).isEqualTo(200);
      assertThat(took).isLessThan(Duration.ofSeconds(2));
      assertThat(settles).noneMatch(CompletableFuture::isDone);
      assertThat(harness.get("/metrics").body())
          .contains("crogas_settles_in_flight " + BEYOND_THREADS + ".0");
    }
  }

  @Test
  void givenTheCapReached_whenAnotherSettleComes_then503AtOnceAndItsPaymentIsNotTaken() {
    try (ApiHarness harness = slowChain(Duration.ofSeconds(1), 3)) {
      List<CompletableFuture<HttpResponse<String>>> waiting =
          IntStream.range(0, 3)
              .mapToObj(i -> settleAsync(harness, "/x402/settle", X402Format.V1))
              .toList();
      await().atMost(Duration.ofSeconds(10)).until(() -> sent(harness) == 3);
      // The Cronos drop-in path shares the cap.
      String cronos =
          X402Payments.body(
                  X402Format.CRONOS,
                  X402Payments.payment(harness.fixture, 1_000, harness.fixture.user),
                  1_000)
              .toString();

      HttpResponse<String> refused = harness.post("/v2/x402/settle", cronos);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      JsonNode error = json(refused);
      assertThat(error.get("error").asText()).isEqualTo("unavailable");
      assertThat(error.get("message").asText()).contains("too many settlements");
      assertThat(error.at("/details/settlesInFlight").asText()).isEqualTo("3");
      assertThat(sent(harness)).isEqualTo(3);

      // The waits run out (pending, as without a cap) and free their places for the same payment.
      for (CompletableFuture<HttpResponse<String>> settle : waiting) {
        JsonNode pending = json(settle.join());
        assertThat(pending.get("errorReason").asText()).isEqualTo("settlement_pending");
      }
      HttpResponse<String> retried = harness.post("/v2/x402/settle", cronos);
      assertThat(retried.statusCode()).isEqualTo(200);
      assertThat(json(retried).get("event").asText()).isEqualTo("payment.pending");
      assertThat(sent(harness)).isEqualTo(4);
    }
  }
}
