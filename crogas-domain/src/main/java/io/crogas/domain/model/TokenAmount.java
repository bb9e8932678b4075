package io.crogas.domain.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of an ERC-20 token in its smallest unit ({@code atomic}) together with the token's
 * decimals, so that the human form ("0.39466") is derived, never stored.
 */
public record TokenAmount(BigInteger atomic, int decimals) implements Comparable<TokenAmount> {
  public static final int USDC_DECIMALS = 6;

  public TokenAmount {
    if (atomic == null || atomic.signum() < 0) {
      throw new IllegalArgumentException("token amount must be a non-negative integer: " + atomic);
    }
    if (decimals < 0 || decimals > 36) {
      throw new IllegalArgumentException("token decimals out of range: " + decimals);
    }
  }

  public static TokenAmount usdc(BigInteger atomic) {
    return new TokenAmount(atomic, USDC_DECIMALS);
  }

  public static TokenAmount usdc(long atomic) {
    return usdc(BigInteger.valueOf(atomic));
  }

  /**
   * Parses a decimal string such as "1.5" exactly; more fraction digits than decimals is an error.
   */
  public static TokenAmount parseDecimal(String text, int decimals) {
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("not a decimal amount: " + text);
    }
    if (parsed.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + text);
    }
    BigDecimal scaled = parsed.movePointRight(decimals);
    if (scaled.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "amount has more than " + decimals + " decimal places: " + text);
    }
    return new TokenAmount(scaled.toBigIntegerExact(), decimals);
  }

  public TokenAmount plus(TokenAmount other) {
    requireSameDecimals(other);
    return new TokenAmount(atomic.add(other.atomic), decimals);
  }

  /** The human form with exactly {@code decimals} fraction digits, e.g. "0.394660". */
  public String toDecimalString() {
    return new BigDecimal(atomic, decimals).toPlainString();
  }

  @Override
  public int compareTo(TokenAmount other) {
    requireSameDecimals(other);
    return atomic.compareTo(other.atomic);
  }

  private void requireSameDecimals(TokenAmount other) {
    if (other.decimals != decimals) {
      throw new IllegalArgumentException("cannot combine amounts of different decimals");
    }
  }

  @Override
  public String toString() {
    return toDecimalString();
  }
}
