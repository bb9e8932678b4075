package io.crogas.domain.policy;

import java.time.Duration;

/**
 * How quotes are priced and how long they hold.
 *
 * @param facilitatorFeeBps the facilitator's fee on top of gas, in basis points (100 = 1%)
 * @param gasLimitMarginPercent headroom added to the simulated gas estimate (e.g. 20)
 * @param quoteTtl how long a quote may be paid
 * @param maxPriceAge a CRO/USD price older than this is stale and refused
 */
public record FeeSchedule(
    int facilitatorFeeBps, int gasLimitMarginPercent, Duration quoteTtl, Duration maxPriceAge) {
  public FeeSchedule {
    if (facilitatorFeeBps < 0 || facilitatorFeeBps > 10_000) {
      throw new IllegalArgumentException("facilitator fee must be within 0..10000 bps");
    }
    if (gasLimitMarginPercent < 0 || gasLimitMarginPercent > 1_000) {
      throw new IllegalArgumentException("gas limit margin must be within 0..1000 percent");
    }
    if (quoteTtl == null || quoteTtl.isNegative() || quoteTtl.isZero()) {
      throw new IllegalArgumentException("quote TTL must be positive");
    }
    if (maxPriceAge == null || maxPriceAge.isNegative() || maxPriceAge.isZero()) {
      throw new IllegalArgumentException("maximum price age must be positive");
    }
  }

  /** 1% fee, 20% gas headroom, quotes valid for 2 minutes, prices at most 5 minutes old. */
  public static FeeSchedule defaults() {
    return new FeeSchedule(100, 20, Duration.ofMinutes(2), Duration.ofMinutes(5));
  }
}
