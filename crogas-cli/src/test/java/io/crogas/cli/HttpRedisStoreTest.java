package io.crogas.cli;

import static io.crogas.cli.HttpJson.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.cli.X402Bodies.Format;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayState;
import io.crogas.node.NodeInternals;
import io.crogas.node.StoreLocation;
import io.crogas.testkit.RedisServer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real server on a real redis-server that dies mid-test: while it is down every request that
 * needs the store answers 503 {@code unavailable} (no Redis address or password in it) and nothing
 * is sent that is not journaled; once Redis is back (from its append-only file) the same requests
 * go through, and what was journaled before the crash is still there.
 */
class HttpRedisStoreTest {
  private static final String PASSWORD_FREE = "redis://127.0.0.1:";
  private static final BigInteger VALUE = BigInteger.valueOf(250_000);
  private static final int IN_FLIGHT = 12;

  private RedisServer redis;
  private ServedNetwork served;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
    served =
        ServedNetwork.start(
            StoreLocation.parse(redis.uri(), StoreLocation.Redis.DEFAULT_PREFIX), 1);
  }

  @AfterEach
  void stop() {
    if (served != null) {
      served.close();
    }
    redis.close();
  }

  @Test
  void givenRedisDiesMidRun_whenQuotedAndSettled_then503AndNothingSentUntilItIsBack() {
    LocalNetwork.User payer = LocalNetwork.User.of(501);
    served.network.fund(payer.address(), 10);
    Address payTo = LocalNetwork.User.of(502).address();
    Address relayer = served.node.relayers().get(0);
    HttpJson.Answer before = served.api.post("/x402/quote", HttpStoreTest.quoteRequest(served));
    ObjectNode settle = settleBody(payer, payTo, 1);
    long sentBefore = served.transactionCount(relayer);

    redis.kill();
    HttpJson.Answer quoteWhileDown =
        served.api.post("/x402/quote", HttpStoreTest.quoteRequest(served));
    HttpJson.Answer settleWhileDown =
        X402Bodies.post(served.api, Format.V2, "/x402/settle", settle);
    long sentWhileDown = served.transactionCount(relayer) - sentBefore;
    BigInteger payerWhileDown = served.usdcBalance(payer.address());
    redis.restart();
    // The connection comes back by itself (retried every second at most).
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        served.api.post("/x402/quote", HttpStoreTest.quoteRequest(served)).status())
                    .isEqualTo(200));
    HttpJson.Answer settled = X402Bodies.post(served.api, Format.V2, "/x402/settle", settle);
    HttpJson.Answer again = X402Bodies.post(served.api, Format.V2, "/x402/settle", settle);

    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    assertError(quoteWhileDown, 503, "unavailable");
    assertError(settleWhileDown, 503, "unavailable");
    assertThat(quoteWhileDown.text() + settleWhileDown.text())
        .doesNotContain(PASSWORD_FREE)
        .doesNotContain(Integer.toString(redis.port()));
    assertThat(sentWhileDown).as("nothing sent while the journal is down").isZero();
    assertThat(payerWhileDown).isEqualTo(BigInteger.valueOf(10_000_000));
    assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
    assertThat(settled.json().get("success").asBoolean()).as(settled.toString()).isTrue();
    assertThat(again.json().get("errorReason").asText()).isEqualTo("duplicate_settlement");
    served.awaitUsdcBalance(payer.address(), BigInteger.valueOf(10_000_000).subtract(VALUE));
  }

  /**
   * Settlements journaled (in flight, blocks mined every second) when Redis restarts: each is
   * confirmed exactly once afterwards, one transaction each, no nonce left; a settle sent while
   * Redis is down answers 503 {@code unavailable} and charges nobody.
   */
  @Test
  void givenSettlementsInFlight_whenRedisRestarts_thenEachIsConfirmedExactlyOnceAfterIt()
      throws Exception {
    Address payTo = LocalNetwork.User.of(602).address();
    Address relayer = served.node.relayers().get(0);
    List<ObjectNode> bodies = new ArrayList<>();
    List<Address> payers = new ArrayList<>();
    for (int p = 0; p < IN_FLIGHT + 1; p++) {
      LocalNetwork.User payer = LocalNetwork.User.of(610 + p);
      served.network.fund(payer.address(), 10);
      payers.add(payer.address());
      bodies.add(settleBody(payer, payTo, 1));
    }
    served.rpc("evm_setAutomine", "[false]");
    served.rpc("evm_setIntervalMining", "[1]");
    ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<CompletableFuture<HttpJson.Answer>> answers = new ArrayList<>();
      for (ObjectNode body : bodies.subList(0, IN_FLIGHT)) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> X402Bodies.post(served.api, Format.V2, "/x402/settle", body), clients));
      }
      await("every settlement journaled")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  NodeInternals.journal(served.node).recent(Optional.empty(), 100).size()
                      == IN_FLIGHT);

      redis.kill();
      HttpJson.Answer whileDown =
          X402Bodies.post(served.api, Format.V2, "/x402/settle", bodies.get(IN_FLIGHT));
      redis.restart();

      assertError(whileDown, 503, "unavailable");
      for (CompletableFuture<HttpJson.Answer> answer : answers) {
        HttpJson.Answer settled = answer.get(60, TimeUnit.SECONDS);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        assertThat(
                settled.json().get("success").asBoolean()
                    || settled.json().get("errorReason").asText().equals("settlement_pending"))
            .as("a journaled payment is settled or pending, never failed: %s", settled)
            .isTrue();
      }
      await("every journaled settlement confirmed")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(NodeInternals.journal(served.node).inFlight()).isEmpty());
      assertThat(NodeInternals.journal(served.node).recent(Optional.empty(), 100))
          .hasSize(IN_FLIGHT)
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED))
          .allSatisfy(r -> assertThat(r.txHashes()).hasSize(1));
      BigInteger funded = BigInteger.valueOf(10_000_000);
      for (Address payer : payers.subList(0, IN_FLIGHT)) {
        assertThat(served.usdcBalance(payer)).isEqualTo(funded.subtract(VALUE));
      }
      assertThat(served.usdcBalance(payers.get(IN_FLIGHT)))
          .as("the settle refused while Redis was down charged nobody")
          .isEqualTo(funded);
      assertThat(served.transactionCount(relayer)).isEqualTo(IN_FLIGHT);
      assertThat(NodeInternals.nonceLedger(served.node).pending(relayer)).isEmpty();
    } finally {
      clients.shutdownNow();
    }
  }

  private ObjectNode settleBody(LocalNetwork.User payer, Address payTo, long n) {
    return X402Bodies.body(
        Format.V2,
        X402Bodies.payment(payer, payer, payTo, VALUE, n, served.node.usdc()),
        served.node.usdc());
  }
}
