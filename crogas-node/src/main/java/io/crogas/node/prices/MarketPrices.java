package io.crogas.node.prices;

import io.crogas.chain.ChainlinkPriceFeed;
import io.crogas.chain.JsonRpc;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.service.MedianPriceFeed;
import io.crogas.prices.CoinGeckoPrice;
import io.crogas.prices.CryptoComTicker;
import io.crogas.prices.PolledPriceFeed;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The CRO/USD feed of a relayer on a real network: each configured source polled on its own
 * schedule (quotes never wait on an exchange), combined by {@link MedianPriceFeed}. Closing it
 * stops the polling and the aggregator's RPC client.
 */
public final class MarketPrices implements PriceFeed, AutoCloseable {
  private final List<PolledPriceFeed> sources;
  private final MedianPriceFeed median;
  private final ScheduledExecutorService scheduler;
  private final Optional<JsonRpc> rpc;

  private MarketPrices(
      List<PolledPriceFeed> sources,
      MedianPriceFeed median,
      ScheduledExecutorService scheduler,
      Optional<JsonRpc> rpc) {
    this.sources = sources;
    this.median = median;
    this.scheduler = scheduler;
    this.rpc = rpc;
  }

  /**
   * Asks every source once (so the first quote has prices) and keeps polling them. An aggregator is
   * read through {@code rpcUrl}.
   */
  public static MarketPrices start(
      MarketPriceSettings settings, String rpcUrl, InstantSource clock) {
    Optional<JsonRpc> rpc =
        settings.sources().stream().anyMatch(PriceSourceSpec.Chainlink.class::isInstance)
            ? Optional.of(JsonRpc.connect(rpcUrl, settings.timeout()))
            : Optional.empty();
    List<PolledPriceFeed> polled = new ArrayList<>();
    for (PriceSourceSpec spec : settings.sources()) {
      polled.add(new PolledPriceFeed(spec.label(), feed(spec, settings, rpc)));
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "crogas-prices");
              thread.setDaemon(true);
              return thread;
            });
    polled.forEach(source -> source.start(scheduler, settings.pollInterval()));
    return new MarketPrices(
        List.copyOf(polled),
        new MedianPriceFeed(List.copyOf(polled), settings.consensus(), clock),
        scheduler,
        rpc);
  }

  private static PriceFeed feed(
      PriceSourceSpec spec, MarketPriceSettings settings, Optional<JsonRpc> rpc) {
    if (spec instanceof PriceSourceSpec.Chainlink chainlink) {
      return new ChainlinkPriceFeed(rpc.orElseThrow(), chainlink.aggregator());
    }
    if (spec instanceof PriceSourceSpec.CryptoCom) {
      return new CryptoComTicker(settings.cryptoComBase(), settings.timeout());
    }
    return new CoinGeckoPrice(
        settings.coinGeckoBase(), settings.coinGeckoKey(), settings.timeout());
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    return median.latest();
  }

  /** Each source's last reading and failures, for the metrics. */
  public List<PolledPriceFeed.Status> sources() {
    return sources.stream().map(PolledPriceFeed::status).toList();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    rpc.ifPresent(JsonRpc::close);
  }
}
