package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedHealthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicBoolean down = new AtomicBoolean();
  private final Fixture fixture = new Fixture();
  private final CachedHealth health = new CachedHealth(this::probe, Duration.ofSeconds(1), clock);

  /** A probe that counts its calls (each one costs 1 + 2N RPC calls in the node's). */
  private HealthReport probe() {
    probes.incrementAndGet();
    if (down.get()) {
      throw new ChainUnavailableException("eth_blockNumber got no answer from https://rpc/KEY");
    }
    return new HealthReport(
        HealthReport.Status.OK,
        Fixture.CHAIN,
        probes.get(),
        3,
        List.of(new HealthReport.RelayerBalance(Fixture.RELAYER, Wei.of(1), TokenAmount.usdc(1))),
        Fixture.FORWARDER,
        fixture.usdc,
        "0.1.0",
        Duration.ZERO);
  }

  @Test
  void givenManyChecksWithinASecond_whenAsked_thenTheChainIsProbedOnce() {
    for (int i = 0; i < 100; i++) {
      health.check();
      clock.advance(Duration.ofMillis(9));
    }

    assertThat(probes.get()).isEqualTo(1);
  }

  @Test
  void givenTheCacheHasAged_whenAsked_thenItProbesAgain() {
    long first = health.check().blockNumber();
    clock.advance(Duration.ofMillis(1_000));

    long second = health.check().blockNumber();

    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
  }

  @Test
  void givenTheChainIsDown_whenAskedRepeatedly_thenTheFailureIsCachedToo() {
    down.set(true);

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(health::check).isInstanceOf(ChainUnavailableException.class);
    }

    assertThat(probes.get()).isEqualTo(1);
  }

  @Test
  void givenSixteenParallelChecks_whenTheCacheIsEmpty_thenOneProbe() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HealthReport>> checks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      checks.add(
          pool.submit(
              () -> {
                go.await();
                return health.check();
              }));
    }
    go.countDown();
    for (Future<HealthReport> check : checks) {
      check.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(probes.get()).isEqualTo(1);
  }
}
