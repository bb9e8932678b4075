package io.crogas.domain.port.out;

import io.crogas.domain.model.CroUsdPrice;
import java.util.Optional;

/** The CRO/USD exchange rate. Empty when no price is known; staleness is the core's to judge. */
public interface PriceFeed {
  Optional<CroUsdPrice> latest();
}
