package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.testfixtures.MutableClock;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalLimitBucketsTest {
  private static final BucketConfiguration TWO_A_MINUTE =
      BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofMinutes(1)).build())
          .build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
  private final LocalLimitBuckets buckets = new LocalLimitBuckets(clock);

  @Test
  void givenABucket_whenAskedAgain_thenTheSameOneRefillingByTheClock() {
    assertThat(buckets.bucket("a", TWO_A_MINUTE).tryConsume(2)).isTrue();
    assertThat(buckets.bucket("a", TWO_A_MINUTE).tryConsume(1)).isFalse();
    assertThat(buckets.bucket("b", TWO_A_MINUTE).tryConsume(1)).isTrue();

    clock.advance(Duration.ofSeconds(30));

    assertThat(buckets.bucket("a", TWO_A_MINUTE).tryConsume(1)).isTrue();
    assertThat(buckets.bucket("a", TWO_A_MINUTE).tryConsume(1)).isFalse();
  }

  @Test
  void givenManyClientsGoneQuiet_whenAMinutePasses_thenTheirFullBucketsAreForgotten() {
    for (int i = 0; i < 1_000; i++) {
      buckets.bucket("ip:" + i, TWO_A_MINUTE).tryConsume(1);
    }
    buckets.bucket("busy", TWO_A_MINUTE).tryConsume(2);
    assertThat(buckets.size()).isEqualTo(1_001);
    clock.advance(Duration.ofSeconds(59));
    buckets.bucket("busy", TWO_A_MINUTE);
    assertThat(buckets.size()).as("no sweep before a minute").isEqualTo(1_001);

    // A minute later every bucket is full again, which a new one would be too.
    clock.advance(Duration.ofSeconds(1));
    boolean busyAgain = buckets.bucket("busy", TWO_A_MINUTE).tryConsume(2);

    assertThat(busyAgain).isTrue();
    assertThat(buckets.size()).isEqualTo(1);
  }
}
