package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private final RetrySchedule schedule =
      new RetrySchedule(Duration.ofSeconds(5), Duration.ofSeconds(60), 6);

  @Test
  void givenFailedAttempts_whenTheDelayIsAsked_thenItDoublesFromTheBaseUpToTheCap() {
    assertThat(schedule.delayAfter(1, 1.0)).contains(Duration.ofSeconds(5));
    assertThat(schedule.delayAfter(2, 1.0)).contains(Duration.ofSeconds(10));
    assertThat(schedule.delayAfter(3, 1.0)).contains(Duration.ofSeconds(20));
    assertThat(schedule.delayAfter(4, 1.0)).contains(Duration.ofSeconds(40));
    assertThat(schedule.delayAfter(5, 1.0)).contains(Duration.ofSeconds(60));
  }

  @Test
  void givenTheJitter_whenItIsLowest_thenTheDelayIsHalfTheFullOne() {
    assertThat(schedule.delayAfter(3, 0.0)).contains(Duration.ofSeconds(10));
    assertThat(schedule.delayAfter(3, 0.5)).contains(Duration.ofSeconds(15));
  }

  @Test
  void givenTheLastAttemptFailed_whenTheDelayIsAsked_thenThereIsNone() {
    assertThat(schedule.delayAfter(6, 0.3)).isEqualTo(Optional.empty());
  }

  @Test
  void givenManyAttemptsAndAHugeCap_whenTheDelayIsAsked_thenItNeverOverflows() {
    RetrySchedule wide = new RetrySchedule(Duration.ofMillis(1), Duration.ofDays(365), 100);

    assertThat(wide.delayAfter(99, 1.0)).contains(Duration.ofDays(365));
  }

  @Test
  void givenNonsense_whenBuilt_thenRefused() {
    assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
