package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PercentTest {
  @Test
  void givenAPercentage_whenItLeavesAFraction_thenRoundedUpElseExact() {
    assertThat(Percent.ceil(BigInteger.valueOf(5), 125)).isEqualTo(BigInteger.valueOf(7)); // 6.25
    assertThat(Percent.ceil(BigInteger.valueOf(4), 125)).isEqualTo(BigInteger.valueOf(5));
    assertThat(Percent.ceil(BigInteger.ZERO, 150)).isEqualTo(BigInteger.valueOf(0));
  }

  @Test
  void givenAMargin_whenAdded_thenOnTopOfTheWholeRoundedUp() {
    assertThat(Percent.withMargin(BigInteger.valueOf(100_001), 20))
        .isEqualTo(BigInteger.valueOf(120_002));
    assertThat(Percent.withMargin(BigInteger.valueOf(100_000), 0))
        .isEqualTo(BigInteger.valueOf(100_000));
  }
}
