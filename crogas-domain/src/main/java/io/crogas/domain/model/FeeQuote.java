package io.crogas.domain.model;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A firm, expiring price for relaying one meta-transaction: what the gas may cost at most in CRO,
 * what that is in USDC at the quoted rate, and the facilitator's fee on top.
 */
public record FeeQuote(
    String quoteId,
    ForwarderDomain forwarder,
    TokenDomain token,
    Address user,
    MetaTransaction metaTransaction,
    Hash32 digest,
    BigInteger gasLimit,
    Wei maxFeePerGas,
    Wei croCost,
    CroUsdPrice price,
    TokenAmount baseGasCost,
    TokenAmount facilitatorFee,
    Instant expiresAt) {

  public FeeQuote {
    if (quoteId == null || quoteId.isBlank()) {
      throw new IllegalArgumentException("a quote needs an id");
    }
    if (!digest.equals(metaTransaction.digest(forwarder))) {
      throw new IllegalArgumentException("quote digest does not match its meta-transaction");
    }
    if (gasLimit.signum() <= 0) {
      throw new IllegalArgumentException("gas limit must be positive");
    }
  }

  /** What the user pays: gas cost plus the facilitator fee, in the token's smallest unit. */
  public TokenAmount amount() {
    return baseGasCost.plus(facilitatorFee);
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * The fee authorization this quote asks the user to sign: to the forwarder, for the quoted
   * amount, valid until the meta-transaction's deadline, with the meta-transaction's digest as its
   * EIP-3009 nonce, so that it can pay for nothing else.
   */
  public TransferAuthorization paymentAuthorization() {
    return new TransferAuthorization(
        user,
        forwarder.forwarder(),
        amount().atomic(),
        BigInteger.ZERO,
        metaTransaction.deadline(),
        digest);
  }
}
