package io.crogas.domain.model;

import java.math.BigInteger;

/**
 * The ceiling a relay job was quoted and charged for: the relayer never sends it with more gas than
 * {@code gasLimit} nor a higher fee cap than {@code maxFeePerGas}, replacements included, so it
 * never spends more CRO than {@link #croCost()} on it. A zero limit (a job journaled before quotes
 * were carried) lets nothing be sent.
 */
public record GasBudget(BigInteger gasLimit, Wei maxFeePerGas) {
  public GasBudget {
    if (gasLimit == null || maxFeePerGas == null || gasLimit.signum() < 0) {
      throw new IllegalArgumentException("a gas limit >= 0 and a fee cap are required");
    }
  }

  /** The quote's gas limit and fee cap. */
  public static GasBudget of(FeeQuote quote) {
    return new GasBudget(quote.gasLimit(), quote.maxFeePerGas());
  }

  /** The most CRO the relayer may spend on the job. */
  public Wei croCost() {
    return maxFeePerGas.times(gasLimit);
  }

  /** Whether a transaction with this fee cap stays within the budget. */
  public boolean allowsFeeCap(Wei feeCap) {
    return feeCap.compareTo(maxFeePerGas) <= 0;
  }
}
