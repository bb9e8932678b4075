package io.crogas.domain.port.out;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import java.util.Optional;

/** Quotes the server issued, so a payment can be matched to the price it was given. */
public interface QuoteBook {
  void save(FeeQuote quote);

  /** The most recent quote issued for this meta-transaction digest. */
  Optional<FeeQuote> latestFor(Hash32 digest);
}
