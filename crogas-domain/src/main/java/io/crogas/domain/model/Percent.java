package io.crogas.domain.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A percentage, held in basis points (1/100 of a percent) so that percent settings (fee caps,
 * margins, bumps) and fee rates in basis points are both exact. Applying it to an amount always
 * names the rounding: the caller knows which side of a unit the relayer must stay on.
 *
 * @param basisPoints the percentage × 100 (10 000 is 100%)
 */
public record Percent(int basisPoints) {
  private static final BigDecimal WHOLE = BigDecimal.valueOf(10_000);

  public Percent {
    if (basisPoints < 0) {
      throw new IllegalArgumentException("a percentage is not negative: " + basisPoints + " bps");
    }
  }

  /** {@code percent}% (125 is 125%). */
  public static Percent percent(int percent) {
    return new Percent(Math.multiplyExact(percent, 100));
  }

  /** {@code basisPoints}/10 000 (100 is 1%). */
  public static Percent basisPoints(int basisPoints) {
    return new Percent(basisPoints);
  }

  /** 100% plus this: multiplying by it adds this percentage on top of an amount. */
  public Percent asMargin() {
    return new Percent(Math.addExact(basisPoints, 10_000));
  }

  /** {@code amount × this}, rounded to a whole unit by {@code rounding}. */
  public BigInteger of(BigInteger amount, RoundingMode rounding) {
    return new BigDecimal(amount.multiply(BigInteger.valueOf(basisPoints)))
        .divide(WHOLE, 0, rounding)
        .toBigIntegerExact();
  }

  /**
   * {@code amount ÷ this}, rounded to a whole unit by {@code rounding}: the amount of which {@code
   * amount} is this percentage (a charge back to the cost a margin was added to).
   */
  public BigInteger inverseOf(BigInteger amount, RoundingMode rounding) {
    if (basisPoints == 0) {
      throw new ArithmeticException("0% has no inverse");
    }
    return new BigDecimal(amount.multiply(BigInteger.valueOf(10_000)))
        .divide(BigDecimal.valueOf(basisPoints), 0, rounding)
        .toBigIntegerExact();
  }
}
