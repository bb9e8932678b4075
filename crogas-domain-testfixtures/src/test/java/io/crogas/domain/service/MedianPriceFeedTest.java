package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.policy.PriceConsensus;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.testfixtures.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MedianPriceFeedTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final PriceConsensus twoFresh = new PriceConsensus(Duration.ofSeconds(60), 2, 200);

  private PriceFeed source(String name, String usd) {
    Instant observed = clock.instant();
    return () -> Optional.of(new CroUsdPrice(new BigDecimal(usd), name, observed));
  }

  @Test
  void givenSourcesThatAgree_whenAsked_thenTheirMedian() {
    MedianPriceFeed feed =
        new MedianPriceFeed(
            List.of(source("a", "0.090"), source("b", "0.091"), source("c", "0.092")),
            twoFresh,
            clock);

    assertThat(feed.latest().orElseThrow().usdPerCro()).isEqualByComparingTo("0.091");
  }

  @Test
  void givenOneSourceFailingAndOneSilent_whenTwoAreNeeded_thenNoPrice() {
    PriceFeed failing =
        () -> {
          throw new ChainUnavailableException("rpc down");
        };
    PriceFeed silent = Optional::empty;

    MedianPriceFeed feed =
        new MedianPriceFeed(List.of(source("a", "0.09"), failing, silent), twoFresh, clock);

    assertThat(feed.latest()).isEmpty();
  }

  @Test
  void givenReadingsThatAgeWithoutUpdates_whenTimePasses_thenThePriceGoesAway() {
    MedianPriceFeed feed =
        new MedianPriceFeed(List.of(source("a", "0.09"), source("b", "0.09")), twoFresh, clock);
    assertThat(feed.latest()).isPresent();

    clock.advance(Duration.ofSeconds(61));

    assertThat(feed.latest()).isEmpty();
  }

  @Test
  void givenMoreFreshPricesNeededThanSources_whenBuilt_thenRefused() {
    assertThatThrownBy(() -> new MedianPriceFeed(List.of(source("a", "0.09")), twoFresh, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 fresh prices needed but only 1 sources");
  }
}
