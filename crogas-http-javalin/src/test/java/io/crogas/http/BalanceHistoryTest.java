package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceHistoryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final Fixture fixture = new Fixture();

  private HealthReport reportWith(long gwei) {
    return new HealthReport(
        HealthReport.Status.OK,
        Fixture.CHAIN,
        1,
        1,
        List.of(
            new HealthReport.RelayerBalance(Fixture.RELAYER, Wei.gwei(gwei), TokenAmount.usdc(0))),
        Fixture.FORWARDER,
        fixture.usdc,
        "test",
        Duration.ZERO);
  }

  @Test
  void givenReadingsFasterThanTheSpacing_whenRecorded_thenOneSampleAMinuteAndTheOldestDropped() {
    BalanceHistory history = new BalanceHistory(2, Duration.ofMinutes(1), clock);

    history.record(reportWith(1));
    clock.advance(Duration.ofSeconds(30));
    history.record(reportWith(2)); // too soon: kept out
    clock.advance(Duration.ofSeconds(30));
    history.record(reportWith(3));
    clock.advance(Duration.ofMinutes(1));
    history.record(reportWith(4));

    assertThat(history.samples())
        .extracting(sample -> sample.cro().get(Fixture.RELAYER))
        .containsExactly(Wei.gwei(3), Wei.gwei(4));
  }
}
