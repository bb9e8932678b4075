package io.crogas.cli;

import static io.crogas.cli.HttpJson.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health}, {@code /metrics} and {@code /openapi.json} on the real stack, with the node's
 * RPC behind a loopback proxy that can be switched off (the chain unreachable) and on again.
 */
class HttpHealthTest {
  private static final BigInteger VALUE = BigInteger.valueOf(100_000);

  /** Room for RPC calls the idle relay engine may make meanwhile (measured: 0; the probe: 5). */
  private static final int IDLE_ENGINE_CALLS = 2;

  @TempDir static Path dir;
  private static ServedNetwork served;
  private static HttpJson api;
  private static FaultyRpcProxy proxy;

  @BeforeAll
  static void start() {
    served = ServedNetwork.startBehindProxy(dir, 2);
    api = served.api;
    proxy = served.proxy.orElseThrow();
  }

  /** A quote request for storing {@code value} on the demo target. */
  private static ObjectNode quoteRequest(Address user, long value) {
    return HttpJson.object()
        .put("userAddress", user.value())
        .put("target", served.network.deployment.demoTarget().value())
        .put("calldata", LocalNetwork.store(value).hex())
        .put("gasLevel", "normal");
  }

  /** Each test reads the chain afresh, not a reading cached by the one before. */
  @BeforeEach
  void freshHealth() {
    served.passHealthTtl();
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  @Test
  void givenTheRealStack_whenHealthIsAsked_thenOkWithTheChainTheRelayersAndTheToken() {
    long chainBlock = Long.decode(served.rpc("eth_blockNumber", "[]").asText());

    HttpJson.Answer answer = api.get("/health");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode health = answer.json();
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("chainId").asLong()).isEqualTo(338);
    assertThat(health.get("blockNumber").asLong()).isGreaterThanOrEqualTo(chainBlock).isPositive();
    assertThat(health.get("rpcLatencyMs").asLong()).isNotNegative();
    List<Address> relayers = served.node.relayers();
    assertThat(health.get("relayers")).hasSize(relayers.size());
    for (int i = 0; i < relayers.size(); i++) {
      JsonNode relayer = health.get("relayers").get(i);
      Address address = relayers.get(i);
      assertThat(relayer.get("address").asText()).isEqualTo(address.value());
      assertThat(new BigInteger(relayer.get("croWei").asText()))
          .isEqualTo(
              new BigInteger(
                  served
                      .rpc("eth_getBalance", "[\"" + address + "\",\"latest\"]")
                      .asText()
                      .substring(2),
                  16));
      assertThat(relayer.get("cro").asText()).matches("[0-9]+(\\.[0-9]+)?");
      assertThat(relayer.get("usdc").asText()).matches("[0-9]+\\.[0-9]{6}");
      assertThat(relayer.get("usdcAtomic").asText())
          .isEqualTo(served.usdcBalance(address).toString());
    }
    assertThat(health.get("relayer")).isEqualTo(health.get("relayers").get(0));
    assertThat(health.get("forwarder").asText())
        .isEqualTo(served.network.deployment.forwarder().value());
    assertThat(health.at("/usdc/address").asText())
        .isEqualTo(served.network.deployment.usdc().value());
    assertThat(health.at("/usdc/name").asText()).isEqualTo("Bridged USDC (Stargate)");
    assertThat(health.at("/usdc/version").asText()).isEqualTo("1");
    assertThat(health.at("/usdc/decimals").asInt()).isEqualTo(6);
    assertThat(health.get("version").asText()).isNotBlank();
    assertThat(health.get("uptimeSeconds").asLong()).isNotNegative();
  }

  @Test
  void givenARelayerBelowItsMinimumCro_whenHealthIsAsked_then200Degraded() {
    Address relayer = served.node.relayers().get(1);
    String balance = served.rpc("eth_getBalance", "[\"" + relayer + "\",\"latest\"]").asText();
    HttpJson.Answer low;
    served.network.rpc("anvil_setBalance", "[\"" + relayer + "\",\"0x6f05b59d3b20000\"]");
    try {
      low = api.get("/health");
    } finally {
      served.network.rpc("anvil_setBalance", "[\"" + relayer + "\",\"" + balance + "\"]");
    }
    served.passHealthTtl();

    assertThat(low.status()).as(low.toString()).isEqualTo(200);
    assertThat(low.json().get("status").asText()).isEqualTo("degraded");
    assertThat(low.json().at("/relayers/1/cro").asText()).isEqualTo("0.5");
    assertThat(api.get("/health").json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void givenTheRpcGoesDown_whenTheApiIsAsked_then503sWithoutStackTracesAndOkOnceItIsBack() {
    LocalNetwork.User payer = LocalNetwork.User.of(301);
    served.network.fund(payer.address(), 1);
    Address payTo = LocalNetwork.User.of(303).address();
    ObjectNode settle =
        X402Bodies.body(
            X402Bodies.Format.V2,
            X402Bodies.payment(payer, payer, payTo, VALUE, 0, served.node.usdc()),
            served.node.usdc());
    List<HttpJson.Answer> others;
    HttpJson.Answer down;
    proxy.down.set(true);
    served.passHealthTtl();
    try {
      down = api.get("/health");
      others =
          List.of(
              api.post("/x402/quote", quoteRequest(payer.address(), 1)),
              api.get("/x402/nonce/" + payer.address()),
              api.post("/x402/verify", settle),
              api.post("/x402/settle", settle));
    } finally {
      proxy.down.set(false);
    }
    served.passHealthTtl();
    HttpJson.Answer back = api.get("/health");
    HttpJson.Answer settledAfter = api.post("/x402/settle", settle);

    assertThat(down.status()).as(down.toString()).isEqualTo(503);
    assertThat(down.json().get("status").asText()).isEqualTo("down");
    assertThat(down.json().get("message").asText()).isNotBlank();
    assertThat(down.text()).doesNotContain("Exception").doesNotContain("\tat ");
    for (HttpJson.Answer answer : others) {
      assertError(answer, 503, "unavailable");
    }
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    assertThat(back.json().get("status").asText()).isEqualTo("ok");
    // The settle refused during the outage was not half done: asked again, it settles once.
    assertThat(settledAfter.status()).as(settledAfter.toString()).isEqualTo(200);
    assertThat(settledAfter.json().get("success").asBoolean()).as(settledAfter.toString()).isTrue();
    assertThat(served.usdcBalance(payTo)).isEqualTo(VALUE);
  }

  @Test
  void givenSomeTraffic_whenMetricsAreScraped_thenQueueDepthRequestCountersAndOutcomesAreThere() {
    api.get("/health");
    api.get("/x402/supported");
    api.post("/x402/quote", quoteRequest(LocalNetwork.User.of(302).address(), 3));

    HttpJson.Answer metrics = api.get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.text())
        .contains("crogas_queue_depth")
        .containsPattern("crogas_http_requests_seconds_count\\{[^}]*route=\"/health\"[^}]*} [1-9]")
        .containsPattern(
            "crogas_http_requests_seconds_count\\{[^}]*route=\"/x402/quote\"[^}]*} [1-9]")
        .containsPattern("crogas_outcomes_total\\{[^}]*outcome=\"quoted\"[^}]*} [1-9]");
  }

  @Test
  void givenTheServer_whenTheOpenApiDescriptionIsAsked_thenItListsTheFacilitateEndpoint() {
    HttpJson.Answer answer = api.get("/openapi.json");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode openApi = answer.json();
    assertThat(openApi.get("openapi").asText()).startsWith("3.");
    assertThat(openApi.at("/paths/~1x402~1facilitate/post").isObject()).isTrue();
    assertThat(openApi.get("paths").has("/x402/quote")).isTrue();
    assertThat(openApi.get("paths").has("/health")).isTrue();
  }

  /**
   * Issue #9 item 10: the RPC URL holds the provider's API key and RPC errors quote it. With the
   * RPC down, nothing the server answers shows the key or the URL.
   */
  @Test
  void givenTheRpcUrlHoldsAKeyAndTheRpcIsDown_whenAnythingIsAsked_thenNoAnswerShowsIt() {
    LocalNetwork.User payer = LocalNetwork.User.of(305);
    Address payTo = LocalNetwork.User.of(306).address();
    X402Bodies.Payment payment =
        X402Bodies.payment(payer, payer, payTo, VALUE, 0, served.node.usdc());
    List<HttpJson.Answer> answers = new java.util.ArrayList<>();
    proxy.down.set(true);
    served.passHealthTtl();
    try {
      answers.add(api.get("/health"));
      answers.add(api.get("/healthcheck"));
      answers.add(api.get("/metrics"));
      for (X402Bodies.Format format : X402Bodies.Format.values()) {
        ObjectNode body = X402Bodies.body(format, payment, served.node.usdc());
        answers.add(X402Bodies.post(api, format, "/x402/verify", body));
        answers.add(X402Bodies.post(api, format, "/x402/settle", body));
      }
      answers.add(api.post("/x402/quote", quoteRequest(payer.address(), 1)));
      answers.add(api.get("/x402/nonce/" + payer.address()));
      answers.add(api.get("/x402/transactions?limit=100"));
    } finally {
      proxy.down.set(false);
      served.passHealthTtl();
    }

    assertThat(answers.get(0).status()).isEqualTo(503);
    for (HttpJson.Answer answer : answers) {
      assertThat(answer.text())
          .as(answer.toString())
          .doesNotContain(ServedNetwork.RPC_KEY)
          .doesNotContain(proxy.url())
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  /**
   * Issue #9 item 10: each health probe costs 1 + 2N RPC calls; a burst of /health and /metrics
   * within the cache's ttl costs one probe, not one per request.
   */
  @Test
  void givenABurstOfHealthAndMetricsRequests_whenServedWithinTheTtl_thenOneProbeReachesTheRpc() {
    int perProbe = 1 + 2 * served.node.relayers().size();
    int before = proxy.forwarded();

    for (int i = 0; i < 20; i++) {
      assertThat(api.get("/health").status()).isEqualTo(200);
      assertThat(api.get("/metrics").status()).isEqualTo(200);
    }
    int calls = proxy.forwarded() - before;

    // Measured: 180 calls for these 40 requests before the cache (5 per /health, 4 per scrape).
    assertThat(calls).as("RPC calls").isLessThanOrEqualTo(perProbe + IDLE_ENGINE_CALLS);
  }
}
