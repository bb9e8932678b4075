package io.crogas.testfixtures.contracts;

import static io.crogas.testfixtures.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.port.out.RateLimitStore;
import io.crogas.domain.port.out.RateLimitStore.Decision;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitStore} must do. A store passes by extending this class and returning a
 * fresh, empty store from {@link #newRateLimitStore()}.
 *
 * <p>Windows are fixed: the tests start at an instant aligned to the window, so that a store
 * aligning windows to the epoch and one opening a window at its first hit agree.
 */
public abstract class RateLimitStoreContract {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private RateLimitStore store;

  /** A new store with no hits counted. */
  protected abstract RateLimitStore newRateLimitStore();

  @BeforeEach
  void freshStore() {
    store = newRateLimitStore();
  }

  @Test
  void givenAFreshBucket_whenHitUpToTheLimit_thenEachHitIsAllowedWithWhatRemains() {
    List<Decision> decisions =
        IntStream.range(0, 3)
            .mapToObj(n -> store.hit("ip:1", 3, MINUTE, T0.plusSeconds(n)))
            .toList();

    assertThat(decisions)
        .containsExactly(new Decision.Allowed(2), new Decision.Allowed(1), new Decision.Allowed(0));
  }

  @Test
  void givenTheLimitIsReached_whenHitAgain_thenLimitedUntilTheWindowEnds() {
    for (int n = 0; n < 3; n++) {
      store.hit("ip:1", 3, MINUTE, T0);
    }

    Decision first = store.hit("ip:1", 3, MINUTE, T0.plusSeconds(10));
    Decision later = store.hit("ip:1", 3, MINUTE, T0.plusMillis(59_250));

    assertThat(first).isEqualTo(new Decision.Limited(Duration.ofSeconds(50)));
    assertThat(later).isEqualTo(new Decision.Limited(Duration.ofMillis(750)));
  }

  @Test
  void givenALimitedBucket_whenTheNextWindowStarts_thenTheCountStartsOver() {
    for (int n = 0; n < 4; n++) {
      store.hit("ip:1", 3, MINUTE, T0.plusSeconds(n));
    }

    Decision next = store.hit("ip:1", 3, MINUTE, T0.plus(MINUTE));

    assertThat(next).isEqualTo(new Decision.Allowed(2));
  }

  @Test
  void givenOneBucketIsLimited_whenAnotherIsHit_thenItIsCountedOnItsOwn() {
    store.hit("ip:1", 1, MINUTE, T0);

    assertThat(store.hit("ip:2", 1, MINUTE, T0)).isEqualTo(new Decision.Allowed(0));
    assertThat(store.hit("ip:1", 1, MINUTE, T0)).isInstanceOf(Decision.Limited.class);
  }

  @Test
  void givenEightThreadsHittingOneBucket_whenCounted_thenNeverMoreThanTheLimitAreAllowed()
      throws Exception {
    List<List<Decision>> perThread =
        Race.run(
            8,
            n ->
                IntStream.range(0, 10)
                    .mapToObj(i -> store.hit("payer:0xabc", 25, MINUTE, T0.plusSeconds(i)))
                    .toList());

    List<Decision> all = perThread.stream().flatMap(List::stream).toList();
    assertThat(all).filteredOn(Decision.Allowed.class::isInstance).hasSize(25);
    assertThat(all)
        .filteredOn(Decision.Allowed.class::isInstance)
        .extracting(d -> ((Decision.Allowed) d).remaining())
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 25).boxed().toList());
  }
}
