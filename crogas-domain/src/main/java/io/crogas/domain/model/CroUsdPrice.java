package io.crogas.domain.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One observation of the CRO/USD exchange rate and where it came from. */
public record CroUsdPrice(BigDecimal usdPerCro, String source, Instant observedAt) {
  public CroUsdPrice {
    if (usdPerCro == null || usdPerCro.signum() <= 0) {
      throw new IllegalArgumentException("CRO/USD price must be positive: " + usdPerCro);
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a price must name its source");
    }
    if (observedAt == null) {
      throw new IllegalArgumentException("a price must say when it was observed");
    }
  }
}
