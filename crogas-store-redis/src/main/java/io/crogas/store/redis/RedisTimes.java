package io.crogas.store.redis;

import io.crogas.store.json.UnixNanos;
import java.time.Instant;

/**
 * Instants as the scripts keep them: Unix nanoseconds in 19 digits, so that comparing two as
 * strings (what Lua and sorted-set members do) compares the instants.
 */
final class RedisTimes {
  private RedisTimes() {}

  static String nanos(Instant at) {
    long nanos = UnixNanos.of(at);
    if (nanos < 0) {
      throw new IllegalArgumentException("times before 1970 are not stored: " + at);
    }
    return String.format("%019d", nanos);
  }

  static Instant instant(String nanos) {
    return UnixNanos.instant(Long.parseLong(nanos));
  }
}
