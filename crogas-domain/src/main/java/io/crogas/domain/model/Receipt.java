package io.crogas.domain.model;

import java.math.BigInteger;

/** The on-chain result of the transaction that settled a request. */
public record Receipt(
    Hash32 txHash, long blockNumber, BigInteger gasUsed, Wei effectiveGasPrice, boolean success) {
  public Receipt {
    if (txHash == null || gasUsed == null || effectiveGasPrice == null || blockNumber < 0) {
      throw new IllegalArgumentException("txHash, blockNumber, gasUsed and gas price are required");
    }
  }

  /** CRO actually spent on gas. */
  public Wei gasCost() {
    return effectiveGasPrice.times(gasUsed);
  }
}
