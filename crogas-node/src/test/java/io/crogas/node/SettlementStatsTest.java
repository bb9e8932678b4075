package io.crogas.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SettlementStatsTest {
  @Test
  void givenNoActivity_whenTheLastHourIsAsked_thenSixtyEmptyMinutesEndingNow() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:30Z"));
    InstantSource clock = now::get;
    SettlementStats stats = new SettlementStats(clock);

    var hour = stats.lastHour();

    assertThat(hour).hasSize(60);
    assertThat(hour.get(59).start()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(hour.get(0).start()).isEqualTo(Instant.parse("2026-12-01T09:01:00Z"));
    assertThat(hour).allMatch(m -> m.confirmed() == 0 && m.failed() == 0);
    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThat(stats.lastHour().get(59).start()).isEqualTo(Instant.parse("2026-12-01T10:02:00Z"));
  }
}
