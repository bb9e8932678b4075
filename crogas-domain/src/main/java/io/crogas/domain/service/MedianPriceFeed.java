package io.crogas.domain.service;

import io.crogas.domain.CroGasException;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.policy.PriceConsensus;
import io.crogas.domain.port.out.PriceFeed;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link PriceFeed} made of several: asks each source for its latest reading and answers their
 * {@link PriceConsensus}, or nothing (quotes are then refused as unavailable). A source that fails
 * counts as one that did not answer.
 */
public final class MedianPriceFeed implements PriceFeed {
  private static final System.Logger LOG = System.getLogger(MedianPriceFeed.class.getName());

  private final List<PriceFeed> sources;
  private final PriceConsensus consensus;
  private final InstantSource clock;
  private final AtomicReference<String> lastRefusal = new AtomicReference<>("");

  public MedianPriceFeed(List<PriceFeed> sources, PriceConsensus consensus, InstantSource clock) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a median needs at least one price source");
    }
    if (consensus.minFresh() > sources.size()) {
      throw new IllegalArgumentException(
          consensus.minFresh() + " fresh prices needed but only " + sources.size() + " sources");
    }
    this.sources = List.copyOf(sources);
    this.consensus = consensus;
    this.clock = clock;
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    List<CroUsdPrice> readings = new ArrayList<>(sources.size());
    for (PriceFeed source : sources) {
      try {
        source.latest().ifPresent(readings::add);
      } catch (CroGasException unavailable) {
        LOG.log(System.Logger.Level.DEBUG, "a price source failed: {0}", unavailable.getMessage());
      }
    }
    PriceConsensus.Outcome outcome = consensus.combine(readings, clock.instant());
    if (outcome instanceof PriceConsensus.Outcome.Agreed agreed) {
      lastRefusal.set("");
      return Optional.of(agreed.price());
    }
    String reason = ((PriceConsensus.Outcome.Refused) outcome).reason();
    if (!reason.equals(lastRefusal.getAndSet(reason))) { // once per change, not once per quote
      LOG.log(System.Logger.Level.WARNING, reason);
    }
    return Optional.empty();
  }
}
