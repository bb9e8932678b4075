package io.crogas.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets in this process's memory (lock-free Bucket4j buckets in a concurrent map). A bucket
 * that is full again says nothing a new one would not, so full buckets are dropped once a minute,
 * or every second while more than {@link #SWEEP_ABOVE} are held: memory follows the clients active
 * within a refill period, not every client ever seen.
 */
final class LocalLimitBuckets implements LimitBuckets {
  static final int SWEEP_ABOVE = 100_000;
  private static final long SWEEP_EVERY = Duration.ofMinutes(1).toNanos();
  private static final long BUSY_SWEEP_EVERY = Duration.ofSeconds(1).toNanos();

  private final ConcurrentHashMap<String, Held> buckets = new ConcurrentHashMap<>();
  private final TimeMeter time;
  private final AtomicLong lastSweep;

  private record Held(Bucket bucket, long capacity) {
    boolean full() {
      return bucket.getAvailableTokens() >= capacity;
    }
  }

  /** Buckets refill by {@code clock} (tests step it; the system clock otherwise). */
  LocalLimitBuckets(InstantSource clock) {
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
    this.lastSweep = new AtomicLong(time.currentTimeNanos());
  }

  @Override
  public Bucket bucket(String key, BucketConfiguration configuration) {
    sweepWhenDue();
    return buckets.computeIfAbsent(key, k -> held(configuration)).bucket();
  }

  /** How many buckets are held (for tests). */
  int size() {
    return buckets.size();
  }

  private Held held(BucketConfiguration configuration) {
    LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
    Arrays.stream(configuration.getBandwidths()).forEach(builder::addLimit);
    long capacity =
        Arrays.stream(configuration.getBandwidths())
            .mapToLong(Bandwidth::getCapacity)
            .min()
            .orElse(0);
    return new Held(builder.build(), capacity);
  }

  /**
   * One caller at a time sweeps, when a sweep is due. A bucket taken just before it is dropped may
   * count one request that the next bucket for its key does not see: it was full, so that request
   * would have passed either way.
   */
  private void sweepWhenDue() {
    long now = time.currentTimeNanos();
    long last = lastSweep.get();
    long every = buckets.size() > SWEEP_ABOVE ? BUSY_SWEEP_EVERY : SWEEP_EVERY;
    if (now - last >= every && lastSweep.compareAndSet(last, now)) {
      buckets.values().removeIf(Held::full);
    }
  }
}
