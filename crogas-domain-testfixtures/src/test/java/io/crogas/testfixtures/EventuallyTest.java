package io.crogas.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
  @Test
  void givenAConditionThatComesTrue_whenAwaited_thenReturnsOnceItHolds() {
    AtomicInteger checks = new AtomicInteger();

    Eventually.until("the third check", () -> checks.incrementAndGet() == 3);

    assertThat(checks).hasValue(3);
  }

  @Test
  void givenAConditionThatNeverHolds_whenAwaited_thenFailsAfterTheBoundSayingWhat() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> Eventually.until("the moon", Duration.ofMillis(50), () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("waited 50 ms (")
        .hasMessageEndingWith("checks) for the moon");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
