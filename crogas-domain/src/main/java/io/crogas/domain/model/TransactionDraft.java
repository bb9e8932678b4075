package io.crogas.domain.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A relayer transaction before signing: which key and nonce, what it carries (a job, or nothing for
 * a gap filler: a zero-value self-transfer that only uses up the nonce), and the fees.
 */
public record TransactionDraft(
    Address relayer,
    ChainId chainId,
    long nonce,
    Optional<RelayJob> job,
    BigInteger gasLimit,
    Wei maxFeePerGas,
    Wei tip,
    boolean eip1559) {
  /** Gas of a plain value transfer, all a gap filler needs. */
  public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

  public TransactionDraft {
    if (relayer == null || chainId == null || job == null || maxFeePerGas == null || tip == null) {
      throw new IllegalArgumentException(
          "relayer, chainId, job, maxFeePerGas and tip are required");
    }
    if (nonce < 0 || gasLimit == null || gasLimit.signum() <= 0) {
      throw new IllegalArgumentException("nonce >= 0 and a positive gas limit are required");
    }
    if (tip.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException("the tip cannot exceed the fee cap");
    }
  }

  /** A gap filler for {@code nonce}: nothing but a self-transfer of zero. */
  public static TransactionDraft gapFiller(
      Address relayer, ChainId chainId, long nonce, Wei maxFeePerGas, Wei tip, boolean eip1559) {
    return new TransactionDraft(
        relayer, chainId, nonce, Optional.empty(), TRANSFER_GAS, maxFeePerGas, tip, eip1559);
  }

  /** Whether a fee cap of {@code feeCap} stays within the quote of the job (always for fillers). */
  public boolean allowsFeeCap(Wei feeCap) {
    return job.flatMap(RelayJob::quotedBudget).map(b -> b.allowsFeeCap(feeCap)).orElse(true);
  }

  /** The same transaction with other fees: a replacement for a stuck one. */
  public TransactionDraft withFees(Wei newMaxFeePerGas, Wei newTip) {
    return new TransactionDraft(
        relayer, chainId, nonce, job, gasLimit, newMaxFeePerGas, newTip, eip1559);
  }
}
