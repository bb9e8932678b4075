package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.ChainUnavailableException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedCallsTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** A call that counts itself and runs until {@link #release} opens. */
  private long slowCall() {
    calls.incrementAndGet();
    entered.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 42L;
  }

  @Test
  void givenACallRunning_whenOthersAskTheSameKey_thenTheyWaitForItsAnswerWithoutCallingAgain()
      throws Exception {
    SharedCalls<String, Long> shared = SharedCalls.whileRunning();
    Callers<Long> callers = new Callers<Long>().start(() -> shared.get("head", this::slowCall));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 7; i++) {
      callers.start(() -> shared.get("head", this::slowCall));
    }
    callers.awaitAllParked();

    release.countDown();

    assertThat(callers.answers()).hasSize(8).containsOnly(42L);
    assertThat(calls).hasValue(1);
  }

  @Test
  void givenAnAnswerGiven_whenAskedAgain_thenWhileRunningCallsAgainAndKeepingDoesNot() {
    SharedCalls<String, Integer> whileRunning = SharedCalls.whileRunning();
    SharedCalls<String, Integer> keeping = SharedCalls.keeping(10);

    whileRunning.get("head", calls::incrementAndGet);
    whileRunning.get("head", calls::incrementAndGet);
    assertThat(calls).hasValue(2);
    assertThat(whileRunning.size()).isZero();

    keeping.get("balance", calls::incrementAndGet);
    assertThat(keeping.get("balance", calls::incrementAndGet)).isEqualTo(3);
    assertThat(calls).hasValue(3);
  }

  @Test
  void givenACallThatFails_whenOthersWaitedForIt_thenTheyGetItsFailureAndTheNextCallerTriesAgain()
      throws Exception {
    SharedCalls<String, Long> shared = SharedCalls.keeping(10);
    ChainUnavailableException away = new ChainUnavailableException("eth_call timed out");
    Callable<Object> failing =
        () -> {
          try {
            return shared.get(
                "balance",
                () -> {
                  slowCall();
                  throw away;
                });
          } catch (ChainUnavailableException e) {
            return e;
          }
        };
    Callers<Object> callers = new Callers<>().start(failing);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    callers.start(failing);
    callers.awaitAllParked();

    release.countDown();

    assertThat(callers.answers()).containsExactly(away, away);
    assertThat(calls).hasValue(1);
    assertThat(shared.size()).isZero();
    assertThat(shared.get("balance", () -> 7L)).isEqualTo(7L);
  }

  @Test
  void givenAFullSharedCalls_whenANewKeyIsAsked_thenItsCallRunsUnsharedAndIsNotKept() {
    SharedCalls<String, Integer> keeping = SharedCalls.keeping(2);
    keeping.get("a", calls::incrementAndGet);
    keeping.get("b", calls::incrementAndGet);

    keeping.get("c", calls::incrementAndGet);
    keeping.get("c", calls::incrementAndGet);

    assertThat(calls).hasValue(4);
    assertThat(keeping.size()).isEqualTo(2);
    assertThat(keeping.get("a", calls::incrementAndGet)).isEqualTo(1);
  }
}
