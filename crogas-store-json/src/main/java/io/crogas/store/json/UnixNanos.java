package io.crogas.store.json;

import java.time.Instant;

/** Times in integer columns: nanoseconds since the Unix epoch, exact to the instant. */
public final class UnixNanos {
  private UnixNanos() {}

  public static long of(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
