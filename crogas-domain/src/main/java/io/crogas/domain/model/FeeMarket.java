package io.crogas.domain.model;

/**
 * The chain's current fee conditions: for EIP-1559 chains the latest base fee and a suggested
 * priority tip; for legacy chains {@code baseFee} is the node's gas price and the tip is zero.
 */
public record FeeMarket(Wei baseFee, Wei suggestedTip, boolean eip1559) {
  public FeeMarket {
    if (baseFee == null || suggestedTip == null) {
      throw new IllegalArgumentException("fee market needs a base fee and a tip");
    }
  }
}
