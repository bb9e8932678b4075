package io.crogas.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<String> ran = new ArrayList<>();

  @Test
  void givenTasks_whenNoTimePasses_thenOnlyThoseDueNowRunInTheOrderGiven() {
    scheduler.execute(() -> ran.add("a"));
    scheduler.schedule(() -> ran.add("later"), 1, TimeUnit.SECONDS);
    scheduler.execute(() -> scheduler.execute(() -> ran.add("queued by a task")));
    scheduler.execute(() -> ran.add("b"));

    assertThat(ran).isEmpty();
    assertThat(scheduler.runDue()).isEqualTo(4);
    assertThat(ran).containsExactly("a", "b", "queued by a task");
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void givenPeriodicAndOneShotTasks_whenTheClockAdvances_thenEachRunsAtItsTimeWithTheClockThere() {
    scheduler.scheduleWithFixedDelay(
        () -> ran.add("tick@" + clock.instant().getEpochSecond() % 60), 2, 2, TimeUnit.SECONDS);
    scheduler.schedule(
        () -> ran.add("once@" + clock.instant().getEpochSecond() % 60), 3, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("tick@2", "once@3", "tick@4");
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void givenACancelledPeriodicTask_whenTimePasses_thenItRunsNoMore() {
    ScheduledFuture<?> tick =
        scheduler.scheduleWithFixedDelay(() -> ran.add("tick"), 1, 1, TimeUnit.SECONDS);
    scheduler.advance(Duration.ofSeconds(2));

    tick.cancel(false);
    scheduler.advance(Duration.ofSeconds(5));

    assertThat(ran).hasSize(2);
    assertThat(tick.isCancelled()).isTrue();
  }

  @Test
  void givenATaskThatThrows_whenRun_thenTheTestSeesIt() {
    scheduler.execute(
        () -> {
          throw new IllegalStateException("a bug");
        });

    assertThatThrownBy(scheduler::runDue).hasMessage("a bug");
  }

  @Test
  void givenAShutDownScheduler_whenTasksArrive_thenTheyNeverRun() {
    scheduler.schedule(() -> ran.add("dropped"), 1, TimeUnit.SECONDS);

    assertThat(scheduler.shutdownNow()).hasSize(1);
    scheduler.execute(() -> ran.add("late"));
    scheduler.advance(Duration.ofSeconds(2));

    assertThat(ran).isEmpty();
    assertThat(scheduler.isTerminated()).isTrue();
  }
}
