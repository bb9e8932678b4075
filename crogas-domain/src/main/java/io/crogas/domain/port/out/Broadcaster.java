package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.SignedTransaction;
import java.util.Optional;

/**
 * Sends signed transactions and watches for them. Node errors are classified, because "already
 * known", "nonce too low" and "replacement underpriced" mean the transaction may already be out,
 * not that it failed: the engine must never blindly re-send on them.
 */
public interface Broadcaster {

  /** Sends the recorded bytes of {@code transaction}. */
  SendResult send(SignedTransaction transaction);

  /** The receipt of {@code hash} once it is mined. */
  Optional<Receipt> receipt(Hash32 hash);

  /** The account's nonce counting mined transactions only. */
  long minedNonce(Address account);

  /** The account's nonce counting the node's pending transactions too. */
  long pendingNonce(Address account);

  /** What the node said to a send. */
  sealed interface SendResult
      permits SendResult.Accepted,
          SendResult.AlreadyKnown,
          SendResult.NonceTooLow,
          SendResult.Underpriced,
          SendResult.InsufficientFunds,
          SendResult.Rejected,
          SendResult.Unreachable {

    /** In the pool. */
    record Accepted() implements SendResult {}

    /** This very transaction is already in the pool: as good as accepted. */
    record AlreadyKnown() implements SendResult {}

    /** The nonce is used: by this transaction, a replacement of it, or something else. */
    record NonceTooLow() implements SendResult {}

    /** Another transaction with this nonce is pooled with a fee this one does not beat. */
    record Underpriced() implements SendResult {}

    /** The relayer cannot pay for the gas. */
    record InsufficientFunds() implements SendResult {}

    /** Refused for good (e.g. intrinsic gas too low, exceeds block gas limit). */
    record Rejected(String reason) implements SendResult {}

    /** Not known whether it arrived (timeout, connection lost): look before sending again. */
    record Unreachable(String reason) implements SendResult {}
  }
}
