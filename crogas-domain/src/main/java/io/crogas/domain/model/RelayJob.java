package io.crogas.domain.model;

import java.util.Optional;

/** What the relayer is asked to put on chain for an accepted request. */
public sealed interface RelayJob permits RelayJob.ForwarderCall, RelayJob.TokenTransfer {

  /** The account that pays (the meta-transaction's user or the x402 payer). */
  Address payer();

  /**
   * The gas limit and fee cap the payer was quoted and charged for, which the relayer never
   * exceeds; empty for jobs with no quote (an x402 transfer calls the token, whose gas the target's
   * author does not control).
   */
  Optional<GasBudget> quotedBudget();

  /**
   * Execute a meta-transaction through the forwarder, taking the signed fee in the same call, with
   * at most the quoted {@code budget} of gas.
   */
  record ForwarderCall(
      ForwarderDomain forwarder,
      RelayRequest request,
      SignedAuthorization fee,
      int queuePriority,
      GasBudget budget)
      implements RelayJob {
    public ForwarderCall {
      if (forwarder == null || request == null || fee == null || budget == null) {
        throw new IllegalArgumentException("forwarder, request, fee and budget are required");
      }
    }

    @Override
    public Address payer() {
      return request.user();
    }

    @Override
    public Optional<GasBudget> quotedBudget() {
      return Optional.of(budget);
    }
  }

  /** Settle an x402 payment: submit the payer's EIP-3009 {@code transferWithAuthorization}. */
  record TokenTransfer(TokenDomain token, SignedAuthorization transfer) implements RelayJob {
    public TokenTransfer {
      if (token == null || transfer == null) {
        throw new IllegalArgumentException("token and transfer are required");
      }
    }

    @Override
    public Address payer() {
      return transfer.authorization().from();
    }

    @Override
    public Optional<GasBudget> quotedBudget() {
      return Optional.empty();
    }
  }
}
