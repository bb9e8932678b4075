package io.crogas.domain.relay;

import io.crogas.domain.model.NonceAssignment;
import java.util.Optional;

/**
 * What follows when sending a job broke off, given the nonce it holds by then ({@code held}): a job
 * with nothing sent is tried again or failed with its nonce filled; one whose transaction may be
 * out is left to the lane's reconciliation, which re-sends and watches it.
 */
public sealed interface Setback
    permits Setback.RetryLater, Setback.LeaveToReconciliation, Setback.Fail {

  /** Nothing was sent and the journal still says VALIDATED: the whole step again shortly. */
  record RetryLater() implements Setback {}

  /** The nonce is assigned (and maybe sent): the reconciliation signs, sends or fills it. */
  record LeaveToReconciliation() implements Setback {}

  /** The job fails; {@code fill} is the nonce it took, if any, for a gap filler. */
  record Fail(String reason, Optional<Long> fill) implements Setback {}

  /** The chain could not be reached. */
  static Setback chainAway(Optional<NonceAssignment> held) {
    return held.isEmpty() ? new RetryLater() : new LeaveToReconciliation();
  }

  /** A bug or a fault of a part (the signer) with {@code message}. */
  static Setback internalError(Optional<NonceAssignment> held, String message) {
    if (held.isPresent() && !held.get().transactions().isEmpty()) {
      return new LeaveToReconciliation();
    }
    return new Fail("internal error: " + message, held.map(NonceAssignment::nonce));
  }
}
