package io.crogas.testfixtures;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.QuoteBook;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryQuoteBook implements QuoteBook {
  private final Map<Hash32, FeeQuote> latest = new HashMap<>();

  @Override
  public synchronized void save(FeeQuote quote) {
    latest.put(quote.digest(), quote);
  }

  @Override
  public synchronized Optional<FeeQuote> latestFor(Hash32 digest) {
    return Optional.ofNullable(latest.get(digest));
  }

  /** How many quotes are kept (a test checks that refused requests saved none). */
  public synchronized int size() {
    return latest.size();
  }
}
