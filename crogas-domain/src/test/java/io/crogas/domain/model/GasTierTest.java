package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GasTierTest {
  @Test
  void givenACapBelowTheBaseFee_whenDefined_thenRefused() {
    assertThatThrownBy(() -> new GasTier("cheap", 99, 0, 0)).hasMessageContaining("feeCapPercent");
  }

  @Test
  void givenALegacyChain_whenBidding_thenNoTipAndTheCapIsTheHeadroomedGasPrice() {
    FeeMarket legacy = new FeeMarket(Wei.of(1_000), Wei.of(500), false);
    GasTier fast = new GasTier("fast", 150, 200, 2);

    assertThat(fast.tip(legacy)).isEqualTo(Wei.ZERO);
    assertThat(fast.maxFeePerGas(legacy)).isEqualTo(Wei.of(1_500));
  }

  @Test
  void givenAnEip1559Chain_whenBidding_thenTheTipScalesTheSuggestion() {
    FeeMarket market = new FeeMarket(Wei.of(1_000), Wei.of(3), true);

    assertThat(new GasTier("normal", 125, 150, 1).maxFeePerGas(market))
        .isEqualTo(Wei.of(1_250 + 5)); // ceil(4.5)
  }
}
