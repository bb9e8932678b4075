package io.crogas.domain.model;

import java.math.BigInteger;

/** An amount of the chain's native coin (CRO) in wei, exact and never negative. */
public record Wei(BigInteger value) implements Comparable<Wei> {
  public static final Wei ZERO = new Wei(BigInteger.ZERO);

  public Wei {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException("wei amount must be a non-negative integer: " + value);
    }
  }

  public static Wei of(long wei) {
    return new Wei(BigInteger.valueOf(wei));
  }

  public static Wei gwei(long gwei) {
    return new Wei(BigInteger.valueOf(gwei).multiply(BigInteger.TEN.pow(9)));
  }

  public Wei plus(Wei other) {
    return new Wei(value.add(other.value));
  }

  public Wei times(BigInteger factor) {
    return new Wei(value.multiply(factor));
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
