package io.crogas.node;

import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.port.out.PriceFeed;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A CRO/USD price set by configuration, observed "now" on every read: for local chains and
 * testnets, where no market price exists. Its source says so in every quote.
 */
public final class FixedPriceFeed implements PriceFeed {
  private final BigDecimal usdPerCro;
  private final InstantSource clock;

  public FixedPriceFeed(BigDecimal usdPerCro, InstantSource clock) {
    if (usdPerCro == null || usdPerCro.signum() <= 0) {
      throw new IllegalArgumentException("a fixed CRO/USD price must be positive");
    }
    this.usdPerCro = usdPerCro;
    this.clock = clock;
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    return Optional.of(
        new CroUsdPrice(usdPerCro, "fixed:" + usdPerCro.toPlainString(), clock.instant()));
  }
}
