package io.crogas.testfixtures;

import io.crogas.domain.port.out.QuoteBook;
import io.crogas.testfixtures.contracts.QuoteBookContract;

class InMemoryQuoteBookTest extends QuoteBookContract {
  @Override
  protected QuoteBook newQuoteBook() {
    return new InMemoryQuoteBook();
  }
}
