package io.crogas.node;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.TokenAmount;
import io.crogas.http.Activity;
import io.crogas.http.ApiSettings;
import io.crogas.http.BalanceHistory;
import io.crogas.http.CachedHealth;
import io.crogas.http.HealthProbe;
import io.crogas.http.HttpApi;
import io.crogas.node.prices.MarketPrices;
import io.crogas.node.prices.PriceMeters;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves a node's use cases over HTTP with {@link HttpApi}: the REST API, x402 and the pages. The
 * facilitate wait and the fee split follow the node's configuration.
 */
public final class HttpServerLauncher implements ServerLauncher {

  /**
   * How long one health probe (1 + 2N RPC calls) answers {@code /health} and the balance gauges of
   * {@code /metrics}: whatever the request rate, the RPC sees at most one probe per second.
   */
  public static final Duration HEALTH_TTL = Duration.ofSeconds(1);

  /** How often the dashboard's balance chart gets a point (an hour of them is kept). */
  static final Duration BALANCE_SAMPLE_EVERY = Duration.ofMinutes(1);

  private final InstantSource clock;

  public HttpServerLauncher() {
    this(InstantSource.system());
  }

  /**
   * With the clock the server reads: it ages cached health readings and the balance history, and
   * times rate-limit windows and the API's own timestamps (tests step it).
   */
  public HttpServerLauncher(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public RunningServer start(CroGasNode node, ApiEndpoint endpoint) {
    ChainId chainId = node.forwarder().chainId();
    int decimals = node.usdc().decimals();
    ApiSettings.FaucetSettings faucet =
        endpoint.faucet().isPresent()
            ? new ApiSettings.FaucetSettings(
                true,
                new TokenAmount(
                    java.math.BigInteger.valueOf(100)
                        .multiply(java.math.BigInteger.TEN.pow(decimals)),
                    decimals),
                new TokenAmount(
                    java.math.BigInteger.valueOf(1_000)
                        .multiply(java.math.BigInteger.TEN.pow(decimals)),
                    decimals))
            : ApiSettings.FaucetSettings.disabled();
    CachedHealth health =
        new CachedHealth(
            new NodeHealth(
                node,
                node.config().webhooks().lowBalance(),
                CroGasVersion.current(),
                Instant.now()),
            HEALTH_TTL,
            clock);
    BalanceHistory balances = new BalanceHistory(60, BALANCE_SAMPLE_EVERY, clock);
    ScheduledExecutorService sampler = balanceSampler(health, balances);
    HttpApi.Builder api =
        HttpApi.builder()
            .clock(clock)
            .quotes(node.quotes())
            .submissions(node.relay())
            .queries(node.history())
            .payments(node.verifier(), node.settler())
            .settings(
                new ApiSettings(
                    chainId,
                    node.forwarder().forwarder(),
                    node.usdc(),
                    node.relayers(),
                    endpoint.explorerTxUrl(),
                    node.config().settleWait(),
                    node.config().fees().facilitatorFeeBps(),
                    64 * 1024,
                    endpoint.corsOrigins(),
                    endpoint.access(),
                    faucet,
                    node.config().settleInFlightLimit()))
            .health(health)
            .balances(owner -> NodeHealth.balance(node, owner))
            .activity(() -> new Activity(minutes(node), balances.samples()))
            .apiKeys(node.apiKeys())
            .gauge(
                "crogas_queue_depth",
                "jobs queued or in flight in the relay engine",
                node::queueDepth);
    // On a shared store the limits are shared too: every instance counts against one budget.
    node.sharedBuckets().ifPresent(buckets -> api.limitBuckets(buckets::bucket));
    endpoint.metricsToken().ifPresent(api::metricsToken);
    endpoint
        .faucet()
        .ifPresent(minter -> api.faucet((to, amount) -> minter.mint(to, amount.atomic()).txHash()));
    HttpApi built = api.build();
    NodeMeters.register(node, health, built.meterRegistry());
    if (node.config().prices() instanceof MarketPrices market) {
      PriceMeters.register(market, built.meterRegistry(), clock);
    }
    HttpApi running = built.start(endpoint.host(), endpoint.port());
    String url = "http://" + endpoint.host() + ":" + running.port();
    return new RunningServer() {
      @Override
      public String url() {
        return url;
      }

      @Override
      public void close() {
        sampler.shutdownNow();
        running.stop();
      }
    };
  }

  /** Samples the relayers' balances now and every {@link #BALANCE_SAMPLE_EVERY} (cached reads). */
  private static ScheduledExecutorService balanceSampler(
      HealthProbe health, BalanceHistory history) {
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "crogas-balance-history");
              thread.setDaemon(true);
              return thread;
            });
    sampler.scheduleWithFixedDelay(
        () -> {
          try {
            history.record(health.check());
          } catch (RuntimeException e) {
            // the chain away: no sample this time; /health says why
          }
        },
        0,
        BALANCE_SAMPLE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return sampler;
  }

  private static List<Activity.Minute> minutes(CroGasNode node) {
    return node.stats().lastHour().stream()
        .map(m -> new Activity.Minute(m.start(), m.confirmed(), m.failed(), m.usdc()))
        .toList();
  }
}
