package io.crogas.prices;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.port.out.PriceFeed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PolledPriceFeedTest {
  private static final CroUsdPrice FIRST =
      new CroUsdPrice(new BigDecimal("0.09"), "s", Instant.parse("2026-12-01T08:00:00Z"));

  private static PriceFeed answering(Deque<Supplier<Optional<CroUsdPrice>>> answers) {
    return () -> answers.removeFirst().get();
  }

  @Test
  void givenAReadingThenFailures_whenRefreshed_thenTheOldReadingStaysAndFailuresAreCounted() {
    Deque<Supplier<Optional<CroUsdPrice>>> answers = new ArrayDeque<>();
    answers.add(() -> Optional.of(FIRST));
    answers.add(
        () -> {
          throw new PriceSourceException("s answered HTTP 503");
        });
    answers.add(Optional::empty);
    answers.add(
        () -> {
          throw new IllegalStateException("a bug in a source");
        });
    PolledPriceFeed polled = new PolledPriceFeed("s", answering(answers));
    assertThat(polled.latest()).isEmpty();

    for (int i = 0; i < 4; i++) {
      polled.refresh();
    }

    assertThat(polled.latest()).contains(FIRST);
    assertThat(polled.status()).isEqualTo(new PolledPriceFeed.Status("s", Optional.of(FIRST), 3));
  }
}
