package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.Receipt;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * x402 {@code settle}: submit the payer's transfer, once. A payment is identified by (chain, asset,
 * payer, EIP-3009 nonce); only the call that first takes it owns it. Every later call for the same
 * payment is a {@link SettleOutcome.Duplicate} carrying the first call's transaction, never a
 * second transfer and never a second success; a different authorization or signature under a nonce
 * already taken is {@link SettleOutcome.Failed} ({@code NONCE_ALREADY_USED}).
 */
public interface SettlePaymentUseCase {
  /** {@link #settleAsync}, waited for on the calling thread. */
  SettleOutcome settle(SettlePaymentCommand command);

  /**
   * Settles without holding the calling thread while the chain confirms: the checks and the
   * journal's admission run on the calling thread (so a refusal, a duplicate or an unreachable
   * chain is known on return), and the stage completes once the receipt is in, or as {@link
   * SettleOutcome.Pending} when the configured wait runs out.
   */
  CompletionStage<SettleOutcome> settleAsync(SettlePaymentCommand command);

  /** Settled, still pending (with the hash to watch), failed, or already taken by another call. */
  sealed interface SettleOutcome
      permits SettleOutcome.Settled,
          SettleOutcome.Pending,
          SettleOutcome.Failed,
          SettleOutcome.Duplicate {
    Address payer();

    /** Confirmed on chain: {@code receipt} is the settling transaction's (hash, block...). */
    record Settled(Address payer, Receipt receipt) implements SettleOutcome {
      public Settled {
        if (payer == null || receipt == null) {
          throw new IllegalArgumentException("payer and receipt are required");
        }
      }

      /** The settling transaction's hash. */
      public Hash32 transaction() {
        return receipt.txHash();
      }
    }

    /**
     * Accepted but not confirmed within the wait: not a failure, do not pay again. {@code
     * transaction} is the hash to watch (empty only if nothing was sent yet); {@code id} is the
     * journal's record.
     */
    record Pending(Address payer, Optional<Hash32> transaction, String id)
        implements SettleOutcome {}

    record Failed(PaymentFault fault, Address payer, Optional<Hash32> transaction, String message)
        implements SettleOutcome {}

    /**
     * This exact payment was taken by an earlier settle call, which alone reports its result: not a
     * success for this call. {@code transaction} is the first call's hash (empty only if nothing
     * was sent yet) and {@code id} its journal record, so a merchant whose answer was lost can
     * reconcile.
     */
    record Duplicate(Address payer, Optional<Hash32> transaction, String id)
        implements SettleOutcome {}
  }
}
