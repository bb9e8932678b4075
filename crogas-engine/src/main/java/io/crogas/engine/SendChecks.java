package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.out.Chain;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What is re-checked right before a job is sent, so that a payer who changed something after the
 * job was accepted (cancelled the fee authorization, moved the USDC) or a deadline that is about to
 * pass cannot make the relayer pay for a transaction that reverts: the job fails instead, before
 * any transaction, and nobody is charged.
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

  /** Why {@code job} must not be sent now, or empty. */
  Optional<String> refusal(RelayJob job, Chain chain, Instant now) {
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
      return payable(chain, feeToken, call.fee().authorization(), latest);
    }
    RelayJob.TokenTransfer transfer = (RelayJob.TokenTransfer) job;
    return payable(chain, transfer.token().token(), transfer.transfer().authorization(), latest);
  }

  private Optional<String> payable(
      Chain chain, Address token, TransferAuthorization authorization, BigInteger latest) {
    if (authorization.validBefore().compareTo(latest) < 0) {
      return Optional.of(
          "the payment authorization expires at "
              + authorization.validBefore()
              + ", less than "
              + deadlineMargin.toSeconds()
              + " s away; nothing was sent or charged");
    }
    Address payer = authorization.from();
    Hash32 nonce = authorization.nonce();
    if (chain.authorizationUsed(token, payer, nonce)) {
      return Optional.of(
          "the payment authorization was cancelled or used after the request was accepted;"
              + " nothing was sent or charged");
    }
    BigInteger balance = chain.tokenBalance(token, payer);
    if (balance.compareTo(authorization.value()) < 0) {
      return Optional.of(
          "the payer's balance "
              + balance
              + " fell below the payment "
              + authorization.value()
              + " after the request was accepted; nothing was sent or charged");
    }
    return Optional.empty();
  }
}
