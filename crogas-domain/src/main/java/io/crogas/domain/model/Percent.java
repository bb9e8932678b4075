package io.crogas.domain.model;

import java.math.BigInteger;

/**
 * Percentages of on-chain amounts (gas, wei). They round up: a fee cap, a bump or a gas limit that
 * came out a unit short would be refused by the node or run out, never the other way round.
 */
public final class Percent {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private Percent() {}

  /** {@code ceil(value × percent / 100)}. */
  public static BigInteger ceil(BigInteger value, long percent) {
    BigInteger[] qr = value.multiply(BigInteger.valueOf(percent)).divideAndRemainder(HUNDRED);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  /** {@code value} with {@code marginPercent} added, rounded up: a gas limit over an estimate. */
  public static BigInteger withMargin(BigInteger value, long marginPercent) {
    return ceil(value, 100 + marginPercent);
  }
}
