package io.crogas.domain.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed webhook delivery again: exponential backoff from {@code base}, doubled per
 * attempt and capped at {@code cap}, with jitter (a random point in the upper half of the delay, so
 * receivers that come back are not hit by every sender at once); after {@code maxAttempts} sends
 * there is no next time.
 */
public record RetrySchedule(Duration base, Duration cap, int maxAttempts) {
  public RetrySchedule {
    if (base == null
        || cap == null
        || base.isNegative()
        || base.isZero()
        || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry base must be > 0 and the cap >= the base");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("max attempts must be within 1..100, got " + maxAttempts);
    }
  }

  /**
   * 5 s doubling to at most 1 h, 16 attempts: a delivery is failed 3.2 to 6.4 hours (by the jitter)
   * after its first attempt.
   */
  public static RetrySchedule defaults() {
    return new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), 16);
  }

  /**
   * How long to wait after the {@code attempts}-th failed send, {@code random} in [0, 1) choosing
   * the point within the jitter; empty when that was the last attempt.
   */
  public Optional<Duration> delayAfter(int attempts, double random) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    long capMillis = cap.toMillis();
    long full = base.toMillis();
    for (int sent = 1; sent < attempts && full < capMillis; sent++) {
      full *= 2;
    }
    full = Math.min(full, capMillis);
    long half = full / 2;
    double clamped = Math.min(Math.max(random, 0), 1);
    return Optional.of(Duration.ofMillis(half + (long) ((full - half) * clamped)));
  }
}
