package io.crogas.domain.relay;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.TransferAuthorization;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What is re-checked right before a job is sent, so that a payer who changed something after the
 * job was accepted (cancelled the fee authorization, moved the USDC) or a deadline about to pass
 * cannot make the relayer pay for a transaction that reverts: the job fails instead, before any
 * transaction, and nobody is charged. The times are checked first; only then is the payment's state
 * read from the chain ({@link #payment}) and judged ({@link #funds}).
 *
 * @param feeToken the token forwarder calls pay their fee in
 * @param deadlineMargin how long before the meta-transaction's deadline and the authorization's
 *     {@code validBefore} a job is still sent (time for it to be mined)
 */
public record SendChecks(Address feeToken, Duration deadlineMargin) {
  public SendChecks {
    if (feeToken == null || deadlineMargin == null || deadlineMargin.isNegative()) {
      throw new IllegalArgumentException("a fee token and a deadline margin >= 0 are required");
    }
  }

  /** Why {@code job} must not be sent at {@code now} whatever the chain says, or empty. */
  public Optional<String> timing(RelayJob job, Instant now) {
    BigInteger latest = BigInteger.valueOf(now.plus(deadlineMargin).getEpochSecond());
    if (job instanceof RelayJob.ForwarderCall call) {
      BigInteger deadline = call.request().metaTransaction().deadline();
      if (deadline.compareTo(latest) < 0) {
        return Optional.of(
            "the deadline "
                + deadline
                + " is less than "
                + deadlineMargin.toSeconds()
                + " s away; nothing was sent or charged");
      }
    }
    TransferAuthorization authorization = payment(job).authorization();
    if (authorization.validBefore().compareTo(latest) < 0) {
      return Optional.of(
          "the payment authorization expires at "
              + authorization.validBefore()
              + ", less than "
              + deadlineMargin.toSeconds()
              + " s away; nothing was sent or charged");
    }
    return Optional.empty();
  }

  /** The authorization that pays for {@code job} and the token it moves. */
  public Payment payment(RelayJob job) {
    if (job instanceof RelayJob.ForwarderCall call) {
      return new Payment(feeToken, call.fee().authorization());
    }
    RelayJob.TokenTransfer transfer = (RelayJob.TokenTransfer) job;
    return new Payment(transfer.token().token(), transfer.transfer().authorization());
  }

  /**
   * Why the payment cannot go through now that the chain says the authorization is {@code used} (or
   * cancelled) and the payer holds {@code balance}, or empty.
   */
  public Optional<String> funds(Payment payment, boolean used, BigInteger balance) {
    if (used) {
      return Optional.of(
          "the payment authorization was cancelled or used after the request was accepted;"
              + " nothing was sent or charged");
    }
    BigInteger value = payment.authorization().value();
    if (balance.compareTo(value) < 0) {
      return Optional.of(
          "the payer's balance "
              + balance
              + " fell below the payment "
              + value
              + " after the request was accepted; nothing was sent or charged");
    }
    return Optional.empty();
  }

  /** An EIP-3009 authorization and the token it is for. */
  public record Payment(Address token, TransferAuthorization authorization) {
    /** The account whose authorization state and balance are read. */
    public Address payer() {
      return authorization.from();
    }
  }
}
