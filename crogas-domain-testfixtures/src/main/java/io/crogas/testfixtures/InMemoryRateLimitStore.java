package io.crogas.testfixtures;

import io.crogas.domain.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Fixed-window counters in a map; windows are aligned to the epoch, as in the real stores. */
public final class InMemoryRateLimitStore implements RateLimitStore {
  private final Map<String, Window> windows = new HashMap<>();

  @Override
  public synchronized Decision hit(String bucket, int limit, Duration window, Instant now) {
    long length = window.toMillis();
    long start = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), length);
    Window current = windows.get(bucket);
    if (current == null || current.start() != start) {
      current = new Window(start, 0);
    }
    if (current.count() >= limit) {
      return new Decision.Limited(Duration.between(now, Instant.ofEpochMilli(start + length)));
    }
    windows.put(bucket, new Window(start, current.count() + 1));
    return new Decision.Allowed(limit - current.count() - 1);
  }

  private record Window(long start, int count) {}
}
