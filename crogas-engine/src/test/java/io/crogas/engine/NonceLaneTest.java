package io.crogas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.testfixtures.Keys;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NonceLaneTest {
  private final Address alice = Keys.of(1).address();
  private final Address bob = Keys.of(2).address();
  private final Address carol = Keys.of(3).address();

  @Test
  void
      givenQueuedWork_whenAHigherTierArrives_thenItGoesFirstButNeverAheadOfTheSameUsersEarlierWork()
          throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(4);
    try (NonceLane lane = new NonceLane(Keys.of(9).address())) {
      lane.enqueue(carol, 0, () -> await(gate)); // holds the lane's thread
      lane.enqueue(alice, 0, record(order, "alice-slow", done));
      lane.enqueue(alice, 2, record(order, "alice-fast", done));
      lane.enqueue(bob, 1, record(order, "bob-normal", done));
      lane.enqueue(bob, 0, record(order, "bob-slow", done));
      gate.countDown();

      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(order).containsExactly("bob-normal", "alice-slow", "alice-fast", "bob-slow");
  }

  @Test
  void givenWork_whenFinished_thenTheLaneNoLongerServesTheUser() {
    try (NonceLane lane = new NonceLane(Keys.of(9).address())) {
      lane.enqueue(alice, 1, () -> {});
      assertThat(lane.serves(alice)).isTrue();
      assertThat(lane.load()).isEqualTo(1);

      lane.finished(alice);

      assertThat(lane.serves(alice)).isFalse();
      assertThat(lane.load()).isZero();
    }
  }

  private static Runnable record(List<String> order, String name, CountDownLatch done) {
    return () -> {
      order.add(name);
      done.countDown();
    };
  }

  private static void await(CountDownLatch gate) {
    try {
      gate.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
