package io.crogas.cli;

import static io.crogas.cli.HttpJson.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.policy.PriceConsensus;
import io.crogas.node.CroGasNode;
import io.crogas.node.HttpServerLauncher;
import io.crogas.node.ServerLauncher;
import io.crogas.node.prices.MarketPriceSettings;
import io.crogas.node.prices.MarketPrices;
import io.crogas.node.prices.PriceSourceSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotes priced from market sources through the real server: two exchange APIs (local stand-ins
 * answering their documented shapes) and an aggregator contract on anvil, combined as a median that
 * follows the market and is refused when the sources go stale or disagree.
 */
class HttpMarketPricesTest {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static LocalNetwork network;
  private static ExchangeStub exchanges;
  private static Address aggregator;
  private static CroGasNode node;
  private static ServerLauncher.RunningServer server;
  private static HttpJson api;
  private static final AtomicLong users = new AtomicLong(5_000);

  @BeforeAll
  static void start() throws Exception {
    network = LocalNetwork.start();
    exchanges = new ExchangeStub();
    aggregator = network.contracts().deployTestPriceFeed(8, BigInteger.valueOf(10_010_000));
    setMarket("0.1000", "0.1002", 10_010_000L, Instant.now());
    MarketPrices prices =
        MarketPrices.start(
            new MarketPriceSettings(
                List.of(
                    new PriceSourceSpec.CryptoCom(),
                    new PriceSourceSpec.CoinGecko(),
                    new PriceSourceSpec.Chainlink(aggregator)),
                new PriceConsensus(Duration.ofSeconds(120), 2, 200),
                POLL,
                Duration.ofSeconds(2),
                exchanges.cryptoComBase(),
                exchanges.coinGeckoBase(),
                Optional.empty()),
            network.anvil.rpcUrl(),
            InstantSource.system());
    node = CroGasNode.start(network.config(1, dir.resolve("prices.db")).prices(prices).build());
    server =
        new HttpServerLauncher()
            .start(
                node,
                new ServerLauncher.ApiEndpoint(
                    "127.0.0.1", ServedNetwork.freePort(), Optional.empty()));
    api = new HttpJson(server.url());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (node != null) {
      node.close();
    }
    if (exchanges != null) {
      exchanges.close();
    }
    if (network != null) {
      network.close();
    }
  }

  private static void setMarket(String cryptoCom, String coinGecko, long chainlink8, Instant at) {
    exchanges.cryptoCom(cryptoCom, at);
    exchanges.coinGecko(coinGecko, at);
    network
        .contracts()
        .setPriceRound(aggregator, BigInteger.valueOf(chainlink8), at.getEpochSecond());
  }

  /** A new user each time: the per-address limit is not what these tests are about. */
  private static ObjectNode quoteRequest() {
    return HttpJson.object()
        .put("userAddress", LocalNetwork.User.of(users.incrementAndGet()).address().value())
        .put("target", network.deployment.demoTarget().value())
        .put("calldata", LocalNetwork.store(7).hex())
        .put("gasLevel", "normal");
  }

  /** Asks for quotes until one satisfies {@code wanted} (the sources are polled every 200 ms). */
  private static HttpJson.Answer quoteUntil(Predicate<HttpJson.Answer> wanted) {
    return await()
        .atMost(BOUND)
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL)
        .until(() -> api.post("/x402/quote", quoteRequest()), wanted);
  }

  private static Predicate<HttpJson.Answer> pricedAt(String usd) {
    return a ->
        a.status() == 200
            && new BigDecimal(a.json().get("croUsd").asText()).compareTo(new BigDecimal(usd)) == 0;
  }

  @Test
  void givenThreeSourcesThatMove_whenQuoted_thenTheMedianFollowsThemAndGoesAwayWhenStale() {
    setMarket("0.1000", "0.1002", 10_010_000L, Instant.now());
    HttpJson.Answer first = quoteUntil(pricedAt("0.1001"));

    setMarket("0.2000", "0.2004", 20_010_000L, Instant.now());
    HttpJson.Answer moved = quoteUntil(pricedAt("0.2001"));

    Instant anHourAgo = Instant.now().minusSeconds(3_600);
    setMarket("0.2000", "0.2004", 20_010_000L, anHourAgo);
    HttpJson.Answer stale = quoteUntil(a -> a.status() != 200);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get("priceSource").asText())
        .isEqualTo("median(cryptocom,chainlink:" + aggregator.value() + ",coingecko)");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(new BigInteger(moved.json().get("amountAtomic").asText()))
        .as("twice the CRO price, about twice the USDC for the same gas")
        .isGreaterThan(new BigInteger(first.json().get("amountAtomic").asText()));
    assertError(stale, 503, "unavailable");
    assertThat(stale.json().get("message").asText()).contains("no fresh CRO/USD price");
  }

  @Test
  void givenOnlyTheAggregatorFresh_whenTwoAreNeeded_thenRefused() {
    setMarket("0.1000", "0.1002", 10_010_000L, Instant.now());
    quoteUntil(pricedAt("0.1001"));
    Instant old = Instant.now().minusSeconds(3_600);
    exchanges.cryptoCom("0.1000", old);
    exchanges.coinGecko("0.1002", old);

    HttpJson.Answer refused = quoteUntil(a -> a.status() != 200);

    assertError(refused, 503, "unavailable");
  }

  @Test
  void givenSourcesThatDisagree_whenQuoted_thenRefusedRatherThanOutvoted() {
    setMarket("0.1000", "0.1002", 10_010_000L, Instant.now());
    quoteUntil(pricedAt("0.1001"));
    exchanges.coinGecko("0.1500", Instant.now());

    HttpJson.Answer refused = quoteUntil(a -> a.status() != 200);

    assertError(refused, 503, "unavailable");
  }

  @Test
  void givenMarketPrices_whenMetricsAreScraped_thenEachSourceHasItsReadingAgeAndFailures() {
    setMarket("0.1000", "0.1002", 10_010_000L, Instant.now());
    quoteUntil(pricedAt("0.1001"));

    String metrics = api.get("/metrics").text();

    assertThat(metrics)
        .contains("crogas_price_usd{source=\"cryptocom\"} 0.1")
        .contains("crogas_price_usd{source=\"coingecko\"} 0.1002")
        .contains("crogas_price_age_seconds{source=\"chainlink:" + aggregator.value() + "\"}")
        .contains("crogas_price_failures_total{source=\"coingecko\"} 0");
  }
}
