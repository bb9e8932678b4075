package io.crogas.domain.port.out;

import java.time.Duration;
import java.time.Instant;

/** Counters for fixed-window rate limits, shared by every server instance that uses the store. */
public interface RateLimitStore {

  /** Counts one hit on {@code bucket} and says whether it is within {@code limit} per window. */
  Decision hit(String bucket, int limit, Duration window, Instant now);

  /** The answer to one hit. */
  sealed interface Decision permits Decision.Allowed, Decision.Limited {
    record Allowed(int remaining) implements Decision {}

    record Limited(Duration retryAfter) implements Decision {}
  }
}
