package io.crogas.domain.service;

import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.RetrySchedule;
import java.time.Duration;

/**
 * How webhook deliveries are sent.
 *
 * @param retries backoff and the number of attempts before a delivery is failed
 * @param pollInterval how often the outbox is looked at for due deliveries
 * @param sendTimeout how long one send waits for the receiver's answer
 * @param lease how long a claimed delivery is held before another sender may take it (longer than a
 *     send can last)
 * @param lowBalance a relayer with less CRO than this is announced as {@code relayer.low_balance}
 *     (and makes {@code /health} degraded)
 * @param balanceCheckInterval how often relayer balances are read for that announcement
 */
public record WebhookSettings(
    RetrySchedule retries,
    Duration pollInterval,
    Duration sendTimeout,
    Duration lease,
    Wei lowBalance,
    Duration balanceCheckInterval) {

  public WebhookSettings {
    if (retries == null
        || pollInterval == null
        || sendTimeout == null
        || lease == null
        || lowBalance == null
        || balanceCheckInterval == null) {
      throw new IllegalArgumentException("every webhook setting is required");
    }
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || balanceCheckInterval.isNegative()
        || balanceCheckInterval.isZero()) {
      throw new IllegalArgumentException("the poll and balance intervals must be > 0");
    }
    if (lease.compareTo(sendTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("the lease must be at least twice the send timeout");
    }
  }

  /** Retries as {@link RetrySchedule#defaults()}, outbox polled every second, 1 CRO low mark. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(
        RetrySchedule.defaults(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Wei.of(1).times(java.math.BigInteger.TEN.pow(18)),
        Duration.ofSeconds(60));
  }

  public WebhookSettings withRetries(RetrySchedule value) {
    return new WebhookSettings(
        value, pollInterval, sendTimeout, lease, lowBalance, balanceCheckInterval);
  }
}
