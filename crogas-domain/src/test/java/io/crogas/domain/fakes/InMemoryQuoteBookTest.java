package io.crogas.domain.fakes;

import io.crogas.domain.port.out.QuoteBook;
import io.crogas.domain.port.out.QuoteBookContract;

class InMemoryQuoteBookTest extends QuoteBookContract {
  @Override
  protected QuoteBook newQuoteBook() {
    return new InMemoryQuoteBook();
  }
}
