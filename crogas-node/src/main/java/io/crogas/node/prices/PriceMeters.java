package io.crogas.node.prices;

import io.crogas.domain.model.CroUsdPrice;
import io.crogas.prices.PolledPriceFeed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Function;

/**
 * Per-source price metrics: the last CRO/USD reading, its age, and failed polls, so an operator
 * sees a source going stale before quotes are refused.
 */
public final class PriceMeters {
  private PriceMeters() {}

  public static void register(MarketPrices prices, MeterRegistry registry, InstantSource clock) {
    for (PolledPriceFeed.Status source : prices.sources()) {
      String name = source.name();
      Function<MarketPrices, PolledPriceFeed.Status> status =
          p -> p.sources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
      Gauge.builder(
              "crogas_price_usd",
              prices,
              p -> status.apply(p).last().map(r -> r.usdPerCro().doubleValue()).orElse(Double.NaN))
          .description("the source's last CRO/USD reading")
          .tag("source", name)
          .register(registry);
      Gauge.builder(
              "crogas_price_age_seconds",
              prices,
              p ->
                  status
                      .apply(p)
                      .last()
                      .map(CroUsdPrice::observedAt)
                      .map(at -> (double) Duration.between(at, clock.instant()).toSeconds())
                      .orElse(Double.NaN))
          .description("seconds since the source's last reading was observed")
          .tag("source", name)
          .register(registry);
      FunctionCounter.builder("crogas_price_failures", prices, p -> status.apply(p).failures())
          .description("polls of the source that gave no price")
          .tag("source", name)
          .register(registry);
    }
  }
}
