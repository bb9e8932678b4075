package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Rejection;
import java.math.BigInteger;
import java.util.Optional;

/** Step 1 of a gasless execution: a firm, expiring price and the documents to sign. */
public interface QuoteRelay {
  QuoteOutcome quote(QuoteCommand command);

  /** A request for a quote; the server picks the nonce, and a deadline when none is given. */
  record QuoteCommand(
      Address user,
      Address target,
      Calldata calldata,
      String gasLevel,
      Optional<BigInteger> deadline) {
    public QuoteCommand {
      if (user == null
          || target == null
          || calldata == null
          || gasLevel == null
          || deadline == null) {
        throw new IllegalArgumentException(
            "user, target, calldata, gasLevel and deadline are required");
      }
    }
  }

  /** A quote, or why there is none. */
  sealed interface QuoteOutcome permits QuoteOutcome.Quoted, QuoteOutcome.Refused {
    record Quoted(FeeQuote quote) implements QuoteOutcome {}

    record Refused(Rejection rejection) implements QuoteOutcome {}
  }
}
