package io.crogas.domain.port.in;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Rejection;

/** Step 1 of a gasless execution: a firm, expiring price and the documents to sign. */
public interface QuoteRelayUseCase {
  QuoteOutcome quote(QuoteRelayCommand command);

  /** A quote, or why there is none. */
  sealed interface QuoteOutcome permits QuoteOutcome.Quoted, QuoteOutcome.Refused {
    record Quoted(FeeQuote quote) implements QuoteOutcome {}

    record Refused(Rejection rejection) implements QuoteOutcome {}
  }
}
