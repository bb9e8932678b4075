package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentFault;
import java.util.Optional;

/**
 * x402 {@code settle}: submit the payer's transfer, once. A retry of the same payment (same chain,
 * asset, payer and EIP-3009 nonce) returns the first attempt's transaction, never a second one.
 */
public interface SettlePayment {
  SettleOutcome settle(VerifyPayment.PaymentCommand command);

  /** Settled, still pending (with the hash to watch), or failed. */
  sealed interface SettleOutcome
      permits SettleOutcome.Settled, SettleOutcome.Pending, SettleOutcome.Failed {
    Address payer();

    record Settled(Address payer, Hash32 transaction) implements SettleOutcome {}

    /**
     * Accepted but not confirmed within the wait: not a failure, do not pay again. {@code
     * transaction} is the hash to watch (empty only if nothing was sent yet); {@code id} is the
     * journal's record.
     */
    record Pending(Address payer, Optional<Hash32> transaction, String id)
        implements SettleOutcome {}

    record Failed(PaymentFault fault, Address payer, Optional<Hash32> transaction, String message)
        implements SettleOutcome {}
  }
}
