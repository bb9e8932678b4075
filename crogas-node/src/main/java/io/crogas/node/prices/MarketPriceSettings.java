package io.crogas.node.prices;

import io.crogas.domain.policy.PriceConsensus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Market CRO/USD: which sources, how they are combined, how often each is asked, and where the HTTP
 * ones live (their public APIs unless set, e.g. to a proxy or a test server).
 */
public record MarketPriceSettings(
    List<PriceSourceSpec> sources,
    PriceConsensus consensus,
    Duration pollInterval,
    Duration timeout,
    URI cryptoComBase,
    URI coinGeckoBase,
    Optional<String> coinGeckoKey) {
  public MarketPriceSettings {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("market prices need at least one source");
    }
    if (sources.stream().distinct().count() != sources.size()) {
      throw new IllegalArgumentException("a price source is named twice");
    }
    if (consensus.minFresh() > sources.size()) {
      throw new IllegalArgumentException(
          consensus.minFresh() + " fresh prices needed but only " + sources.size() + " sources");
    }
  }
}
