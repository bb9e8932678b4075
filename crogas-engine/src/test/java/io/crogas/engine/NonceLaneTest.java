package io.crogas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.ManualScheduler;
import io.crogas.testfixtures.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonceLaneTest {
  private final Address alice = Keys.of(1).address();
  private final Address bob = Keys.of(2).address();
  private final Address carol = Keys.of(3).address();
  private final ManualScheduler executor =
      new ManualScheduler(new MutableClock(Instant.parse("2026-11-24T12:00:00Z")));
  private final List<String> order = new ArrayList<>();

  private Runnable record(String name) {
    return () -> order.add(name);
  }

  @Test
  void
      givenQueuedWork_whenAHigherTierArrives_thenItGoesFirstButNeverAheadOfTheSameUsersEarlierWork() {
    try (NonceLane lane = new NonceLane(Keys.of(9).address(), executor)) {
      lane.enqueue(carol, 0, record("carol-slow"));
      lane.enqueue(alice, 0, record("alice-slow"));
      lane.enqueue(alice, 2, record("alice-fast"));
      lane.enqueue(bob, 1, record("bob-normal"));
      lane.enqueue(bob, 0, record("bob-slow"));

      executor.runDue();
    }
    assertThat(order)
        .containsExactly("bob-normal", "carol-slow", "alice-slow", "alice-fast", "bob-slow");
  }

  @Test
  void givenARunningTask_whenWorkIsQueuedMeanwhile_thenUrgentWorkGoesNextAndOneTaskRunsAtATime() {
    try (NonceLane lane = new NonceLane(Keys.of(9).address(), executor)) {
      lane.enqueue(
          alice,
          0,
          () -> {
            order.add("alice");
            lane.enqueue(bob, 2, record("bob"));
            lane.urgent(record("reconcile"));
            order.add("alice done");
          });

      executor.runDue();
    }
    assertThat(order).containsExactly("alice", "alice done", "reconcile", "bob");
  }

  @Test
  void givenATaskThatThrows_whenRun_thenTheLaneGoesOn() {
    try (NonceLane lane = new NonceLane(Keys.of(9).address(), executor)) {
      lane.enqueue(
          alice,
          0,
          () -> {
            throw new IllegalStateException("a bug");
          });
      lane.enqueue(bob, 0, record("bob"));

      executor.runDue();
    }
    assertThat(order).containsExactly("bob");
  }

  @Test
  void givenWork_whenFinished_thenTheLaneNoLongerServesTheUser() {
    try (NonceLane lane = new NonceLane(Keys.of(9).address(), executor)) {
      lane.enqueue(alice, 1, () -> {});
      assertThat(lane.serves(alice)).isTrue();
      assertThat(lane.load()).isEqualTo(1);

      lane.finished(alice);

      assertThat(lane.serves(alice)).isFalse();
      assertThat(lane.load()).isZero();
    }
  }
}
