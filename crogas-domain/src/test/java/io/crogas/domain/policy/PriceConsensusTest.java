package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.CroUsdPrice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceConsensusTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private final PriceConsensus twoWithinOnePercent =
      new PriceConsensus(Duration.ofSeconds(120), 2, 100);

  private static CroUsdPrice reading(String source, String usd, long secondsAgo) {
    return new CroUsdPrice(new BigDecimal(usd), source, NOW.minusSeconds(secondsAgo));
  }

  @Test
  void givenThreeFreshReadings_whenCombined_thenTheMiddleOneObservedWhenTheOldestWas() {
    PriceConsensus.Outcome outcome =
        twoWithinOnePercent.combine(
            List.of(
                reading("cryptocom", "0.0902", 5),
                reading("coingecko", "0.0900", 30),
                reading("chainlink", "0.0901", 10)),
            NOW);

    assertThat(outcome)
        .isEqualTo(
            new PriceConsensus.Outcome.Agreed(
                new CroUsdPrice(
                    new BigDecimal("0.0901"),
                    "median(coingecko,chainlink,cryptocom)",
                    NOW.minusSeconds(30))));
  }

  @Test
  void givenTwoFreshReadings_whenCombined_thenTheirMean() {
    PriceConsensus.Outcome outcome =
        twoWithinOnePercent.combine(
            List.of(reading("a", "0.0900", 1), reading("b", "0.0905", 1)), NOW);

    assertThat(((PriceConsensus.Outcome.Agreed) outcome).price().usdPerCro())
        .isEqualByComparingTo("0.09025");
  }

  @Test
  void givenOneReadingStale_whenTwoAreNeeded_thenRefusedNamingTheCount() {
    PriceConsensus.Outcome outcome =
        twoWithinOnePercent.combine(
            List.of(reading("a", "0.0900", 1), reading("b", "0.0900", 121)), NOW);

    assertThat(outcome).isInstanceOf(PriceConsensus.Outcome.Refused.class);
    assertThat(((PriceConsensus.Outcome.Refused) outcome).reason())
        .startsWith("no fresh CRO/USD price")
        .contains("1 of 2");
  }

  @Test
  void givenAReadingFromTheFuture_whenCombined_thenItIsNotCounted() {
    PriceConsensus.Outcome outcome =
        new PriceConsensus(Duration.ofSeconds(120), 1, 100)
            .combine(List.of(reading("liar", "0.5", -3600)), NOW);

    assertThat(outcome).isInstanceOf(PriceConsensus.Outcome.Refused.class);
  }

  @Test
  void givenSourcesApartBeyondTheDeviation_whenCombined_thenRefusedNotOutvoted() {
    PriceConsensus.Outcome outcome =
        twoWithinOnePercent.combine(
            List.of(
                reading("a", "0.0900", 1), reading("b", "0.0900", 1), reading("c", "0.0950", 1)),
            NOW);

    assertThat(outcome).isInstanceOf(PriceConsensus.Outcome.Refused.class);
    assertThat(((PriceConsensus.Outcome.Refused) outcome).reason())
        .contains("c=0.0950")
        .contains("100 bps");
  }

  @Test
  void givenExactlyTheDeviation_whenCombined_thenAgreed() {
    PriceConsensus.Outcome outcome =
        twoWithinOnePercent.combine(
            List.of(
                reading("a", "0.0990", 1), reading("b", "0.1000", 1), reading("c", "0.1010", 1)),
            NOW);

    assertThat(outcome).isInstanceOf(PriceConsensus.Outcome.Agreed.class);
  }

  @Test
  void givenOneSourceAndOneNeeded_whenCombined_thenItsOwnSourceName() {
    PriceConsensus.Outcome outcome =
        new PriceConsensus(Duration.ofSeconds(60), 1, 0)
            .combine(List.of(reading("coingecko", "0.09", 1)), NOW);

    assertThat(((PriceConsensus.Outcome.Agreed) outcome).price().source()).isEqualTo("coingecko");
  }

  @Test
  void givenNonsenseBounds_whenBuilt_thenRefused() {
    assertThatThrownBy(() -> new PriceConsensus(Duration.ZERO, 1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PriceConsensus(Duration.ofSeconds(1), 0, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PriceConsensus(Duration.ofSeconds(1), 1, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
