package io.crogas.cli.violation;

import io.crogas.domain.policy.PriceConsensus;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.service.MedianPriceFeed;
import java.time.InstantSource;
import java.util.List;

/** Deliberately breaks the layer rules (a service built outside the composition root). */
public final class ServiceBuildingCommand {
  private ServiceBuildingCommand() {}

  public static PriceFeed prices(List<PriceFeed> sources, PriceConsensus consensus) {
    return new MedianPriceFeed(sources, consensus, InstantSource.system());
  }
}
