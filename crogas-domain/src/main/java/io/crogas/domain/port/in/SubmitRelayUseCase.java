package io.crogas.domain.port.in;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RelayRecord;
import java.util.concurrent.CompletionStage;

/**
 * Steps 3-5 of a gasless execution: validate a signed request in a fixed order (shape, deadline,
 * signature, nonce, payment, balances, simulation), journal it and hand it to the relayer.
 */
public interface SubmitRelayUseCase {
  SubmitOutcome submit(SubmitRelayCommand command);

  /** What became of a submission. */
  sealed interface SubmitOutcome
      permits SubmitOutcome.Accepted,
          SubmitOutcome.Existing,
          SubmitOutcome.PaymentRequired,
          SubmitOutcome.Rejected {

    /** Journaled and handed to the relayer; {@code completion} ends confirmed or failed. */
    record Accepted(RelayRecord record, CompletionStage<RelayRecord> completion)
        implements SubmitOutcome {}

    /** The same signed request was submitted before: this is the first one's record. */
    record Existing(RelayRecord record) implements SubmitOutcome {}

    /** No payment, or too little: here is what to sign. */
    record PaymentRequired(FeeQuote quote, String message) implements SubmitOutcome {}

    /** Refused before anything was sent. */
    record Rejected(Rejection rejection) implements SubmitOutcome {}
  }
}
