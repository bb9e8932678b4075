package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static io.crogas.http.RelayRoutesTest.assertError;
import static io.crogas.http.RelayRoutesTest.quoteRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.ApiKey;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API keys, anonymous access and the limits per key and per IP, over a real socket. */
class AccessTest {
  private static final Duration REFRESH = Duration.ofMillis(50);
  private final List<ApiHarness> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(ApiHarness::close);
  }

  private ApiHarness server(ApiSettings.Anonymous anonymous, ApiSettings.RateLimits limits) {
    ApiHarness harness =
        new ApiHarness(
            s ->
                s.withAccess(
                    s.access()
                        .withAnonymous(anonymous)
                        .withLimits(limits)
                        .withApiKeyRefresh(REFRESH)));
    started.add(harness);
    return harness;
  }

  private ApiHarness server(ApiSettings.Anonymous anonymous) {
    return server(
        anonymous, ApiHarness.settings(new io.crogas.testfixtures.Fixture()).access().limits());
  }

  private static String issue(ApiHarness harness, OptionalInt perMinute) {
    ApiKey.Issued issued =
        ApiKey.issue("shop", new ApiKey.Limits(perMinute), Instant.now(), new SecureRandom());
    harness.apiKeys.add(issued.key());
    return issued.secret();
  }

  private static ObjectNode verifyBody(ApiHarness harness) {
    return X402Payments.body(
        X402Format.V2, X402Payments.payment(harness.fixture, 1000, harness.fixture.user), 1000);
  }

  private static String bearer(String secret) {
    return "Bearer " + secret;
  }

  /** Asks until {@code answer} has {@code status}, for at most 5 s (the keys are re-read). */
  private static HttpResponse<String> awaitStatus(
      int status, Supplier<HttpResponse<String>> answer) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(REFRESH)
        .until(answer::get, response -> response.statusCode() == status);
  }

  @Test
  void givenAnonymousOff_whenVerifyOrSettleComeWithoutAKey_then401ButReadsAndProbesAnswer() {
    ApiHarness harness = server(ApiSettings.Anonymous.OFF);

    HttpResponse<String> verify = harness.post("/x402/verify", verifyBody(harness));
    HttpResponse<String> settle = harness.post("/x402/settle", verifyBody(harness));
    HttpResponse<String> cronos = harness.post("/v2/x402/verify", verifyBody(harness));
    HttpResponse<String> quote = harness.post("/x402/quote", quoteRequest(harness.fixture));
    HttpResponse<String> faucet = harness.post("/faucet/usdc", "{}");

    for (HttpResponse<String> refused : List.of(verify, settle, cronos, quote, faucet)) {
      assertError(refused, 401, "unauthorized");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(json(refused).at("/details/authorization").asText()).isEqualTo("missing");
    }
    assertThat(harness.fixture.engine.executed).isEmpty();
    assertThat(harness.get("/x402/supported").statusCode()).isEqualTo(200);
    assertThat(harness.get("/health").statusCode()).isEqualTo(200);
    assertThat(harness.get("/x402/transactions").statusCode()).isEqualTo(200);
  }

  @Test
  void givenAKey_whenUsedThenRevoked_thenAnsweredUntilTheNextRefreshThen401() {
    ApiHarness harness = server(ApiSettings.Anonymous.OFF);
    String secret = issue(harness, OptionalInt.empty());
    String id = harness.apiKeys.list().get(0).id();

    // Created after the server started: it works once the keys are read again.
    HttpResponse<String> verified =
        awaitStatus(
            200,
            () ->
                harness.post("/x402/verify", verifyBody(harness), "Authorization", bearer(secret)));
    assertThat(json(verified).get("isValid").asBoolean()).as(verified.body()).isTrue();
    HttpResponse<String> settled =
        harness.post("/x402/settle", verifyBody(harness), "Authorization", "bearer  " + secret);
    assertThat(json(settled).get("success").asBoolean()).as(settled.body()).isTrue();

    harness.apiKeys.revoke(id, Instant.now());
    HttpResponse<String> revoked =
        awaitStatus(
            401,
            () ->
                harness.post("/x402/verify", verifyBody(harness), "Authorization", bearer(secret)));

    assertError(revoked, 401, "unauthorized");
    assertThat(json(revoked).at("/details/authorization").asText()).isEqualTo("invalid");
    // A revoked key is refused wherever it is shown, reads included.
    assertError(
        harness.get("/x402/supported", "Authorization", bearer(secret)), 401, "unauthorized");
  }

  @Test
  void givenWrongKeys_whenPresented_then401AndEachCountsAgainstTheIp() {
    ApiHarness harness = server(ApiSettings.Anonymous.ON, EdgeTest.limits(3, 100, 100));
    List<String> wrong =
        List.of(bearer("crogas_" + "0".repeat(64)), bearer("not-a-key"), "Basic dXNlcjpwYXNz");

    for (String authorization : wrong) {
      HttpResponse<String> refused =
          harness.post("/x402/verify", verifyBody(harness), "Authorization", authorization);
      assertError(refused, 401, "unauthorized");
      assertThat(json(refused).at("/details/authorization").asText()).isEqualTo("invalid");
    }

    // Anonymous callers are welcome here, but this IP spent its three on guesses.
    assertError(harness.post("/x402/verify", verifyBody(harness)), 429, "rate_limited");
  }

  @Test
  void givenAnonymousRelay_whenCalledWithoutAKey_thenTheRelayAnswersAndX402Needs401() {
    ApiHarness harness = server(ApiSettings.Anonymous.RELAY);

    HttpResponse<String> quote = harness.post("/x402/quote", quoteRequest(harness.fixture));
    HttpResponse<String> verify = harness.post("/x402/verify", verifyBody(harness));

    assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
    assertError(verify, 401, "unauthorized");
  }

  @Test
  void givenAKeyedClient_whenWellUnderTheDefaultKeyLimit_thenNo429AndTheIpLimitDoesNotApply() {
    // The defaults (600 a minute per IP, 6,000 per key), with anonymous callers refused.
    ApiHarness harness = server(ApiSettings.Anonymous.OFF, ApiSettings.RateLimits.defaults());
    String secret = issue(harness, OptionalInt.empty());
    awaitStatus(
        200,
        () -> harness.post("/x402/verify", verifyBody(harness), "Authorization", bearer(secret)));
    String body = verifyBody(harness).toString();

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      statuses.add(
          harness.post("/x402/verify", body, "Authorization", bearer(secret)).statusCode());
    }

    assertThat(statuses).hasSize(2_000).containsOnly(200);
  }

  @Test
  void givenAKeyWithItsOwnLimit_whenItIsReached_then429ForItAloneAndOthersGoOn() {
    ApiHarness harness = server(ApiSettings.Anonymous.OFF, EdgeTest.limits(1, 5, 100));
    String small = issue(harness, OptionalInt.of(3));
    String standard = issue(harness, OptionalInt.empty());
    awaitStatus(200, () -> harness.get("/x402/supported", "Authorization", bearer(small)));

    harness.get("/x402/supported", "Authorization", bearer(small));
    harness.get("/x402/supported", "Authorization", bearer(small));
    HttpResponse<String> over = harness.get("/x402/supported", "Authorization", bearer(small));
    List<Integer> standardStatuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      standardStatuses.add(
          harness.get("/x402/supported", "Authorization", bearer(standard)).statusCode());
    }

    assertError(over, 429, "rate_limited");
    assertThat(json(over).at("/details/scope").asText()).isEqualTo("API key");
    // Three a minute: one more in 20 s.
    assertThat(over.headers().firstValue("Retry-After")).hasValue("20");
    // The key without its own limit has the default: 5 a minute.
    assertThat(standardStatuses).containsExactly(200, 200, 200, 200, 200, 429);
  }
}
