package io.crogas.domain.model;

/** What the relayer is asked to put on chain for an accepted request. */
public sealed interface RelayJob permits RelayJob.ForwarderCall, RelayJob.TokenTransfer {

  /** The account that pays (the meta-transaction's user or the x402 payer). */
  Address payer();

  /** Execute a meta-transaction through the forwarder, taking the signed fee in the same call. */
  record ForwarderCall(
      ForwarderDomain forwarder, RelayRequest request, SignedAuthorization fee, int queuePriority)
      implements RelayJob {
    public ForwarderCall {
      if (forwarder == null || request == null || fee == null) {
        throw new IllegalArgumentException("forwarder, request and fee are required");
      }
    }

    @Override
    public Address payer() {
      return request.user();
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
  }
}
