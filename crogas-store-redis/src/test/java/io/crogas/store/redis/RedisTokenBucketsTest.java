package io.crogas.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.StoreUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisTokenBucketsTest {
  private static final BucketConfiguration FIVE_A_MINUTE =
      BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(1)).build())
          .build();

  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  /** An instance's buckets, on a store connection of its own. */
  private RedisTokenBuckets instance(String prefix) {
    RedisStore store = RedisStore.open(RedisURI.create(REDIS.server().uri()), prefix);
    REDIS.closeAfterTest(store);
    return RedisTokenBuckets.open(store);
  }

  @Test
  void givenTwoInstancesOnOneRedis_whenBothTakeFromOneClientsBucket_thenTheyShareOneBudget() {
    try (RedisTokenBuckets first = instance("shared:");
        RedisTokenBuckets second = instance("shared:")) {
      int taken = 0;
      for (int i = 0; i < 4; i++) {
        taken += first.bucket("ip:203.0.113.7", FIVE_A_MINUTE).tryConsume(1) ? 1 : 0;
        taken += second.bucket("ip:203.0.113.7", FIVE_A_MINUTE).tryConsume(1) ? 1 : 0;
      }

      assertThat(taken).isEqualTo(5);
      assertThat(second.bucket("ip:198.51.100.1", FIVE_A_MINUTE).tryConsume(1)).isTrue();
    }
  }

  @Test
  void givenInstancesUnderOtherPrefixes_whenTheyTake_thenTheirBudgetsAreApart() {
    try (RedisTokenBuckets first = instance("group-a:");
        RedisTokenBuckets second = instance("group-b:")) {
      assertThat(first.bucket("ip:203.0.113.7", FIVE_A_MINUTE).tryConsume(5)).isTrue();

      assertThat(second.bucket("ip:203.0.113.7", FIVE_A_MINUTE).tryConsume(5)).isTrue();
    }
  }

  @Test
  void givenRedisIsDown_whenABucketIsAsked_thenTheStoreIsUnavailable() {
    try (RedisTokenBuckets buckets = instance("down:")) {
      REDIS.server().kill();
      try {
        assertThatThrownBy(() -> buckets.bucket("ip:203.0.113.7", FIVE_A_MINUTE).tryConsume(1))
            .isInstanceOf(StoreUnavailableException.class);
      } finally {
        REDIS.server().restart();
      }
    }
  }
}
