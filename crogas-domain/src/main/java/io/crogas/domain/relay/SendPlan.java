package io.crogas.domain.relay;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import java.math.BigInteger;
import java.util.Optional;

/** A job's transaction as it will be sent, or why it must not be sent. */
public sealed interface SendPlan permits SendPlan.Ready, SendPlan.Refused {

  /** Send with this gas limit and these fees. */
  record Ready(BigInteger gasLimit, Wei maxFeePerGas, Wei tip) implements SendPlan {
    /** The most the transaction can cost its key: what the key must hold before it takes it. */
    public Wei worstCase() {
      return maxFeePerGas.times(gasLimit);
    }

    /** The transaction for {@code job} on {@code relayer}'s {@code nonce}. */
    public TransactionDraft draft(
        Address relayer, ChainId chainId, long nonce, RelayJob job, boolean eip1559) {
      return new TransactionDraft(
          relayer, chainId, nonce, Optional.of(job), gasLimit, maxFeePerGas, tip, eip1559);
    }
  }

  /** Not sent, nothing charged: {@code reason} says why (a revert, a gas need above the quote). */
  record Refused(String reason) implements SendPlan {}
}
