package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuotePolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final GasTier NORMAL = new GasTier("normal", 125, 100, 1);
  private static final FeeMarket CRONOS = new FeeMarket(Wei.gwei(5_000), Wei.gwei(1), false);
  private final QuotePolicy policy = new QuotePolicy(FeeSchedule.defaults());

  private static Optional<CroUsdPrice> price(String usd, Instant at) {
    return Optional.of(new CroUsdPrice(new BigDecimal(usd), "test", at));
  }

  @Test
  void givenNoPrice_whenPriced_thenUnpriced() {
    QuotePolicy.Pricing pricing =
        policy.price(BigInteger.valueOf(100_000), NORMAL, CRONOS, Optional.empty(), 6, NOW);

    assertThat(pricing).isInstanceOf(QuotePolicy.Pricing.Unpriced.class);
  }

  @Test
  void givenAPriceOlderThanTheLimit_whenPriced_thenUnpricedAsStale() {
    QuotePolicy.Pricing pricing =
        policy.price(
            BigInteger.valueOf(100_000),
            NORMAL,
            CRONOS,
            price("0.1", NOW.minus(Duration.ofMinutes(5).plusSeconds(1))),
            6,
            NOW);

    assertThat(pricing).isInstanceOf(QuotePolicy.Pricing.Unpriced.class);
    assertThat(((QuotePolicy.Pricing.Unpriced) pricing).reason()).contains("stale");
  }

  @Test
  void givenAKnownCall_whenPriced_thenGasLimitFeeCapCostAndFeeAreExact() {
    QuotePolicy.Pricing.Priced priced =
        (QuotePolicy.Pricing.Priced)
            policy.price(BigInteger.valueOf(100_000), NORMAL, CRONOS, price("0.1", NOW), 6, NOW);

    // 100000 gas + 20% margin; 5000 gwei base fee x 125%; legacy chain: no tip.
    assertThat(priced.gasLimit()).isEqualTo(BigInteger.valueOf(120_000));
    assertThat(priced.maxFeePerGas()).isEqualTo(Wei.gwei(6_250));
    // 120000 x 6250 gwei = 0.75 CRO; at $0.10 = $0.075 = 75000 units; fee 1% = 750.
    assertThat(priced.croCost()).isEqualTo(new Wei(new BigInteger("750000000000000000")));
    assertThat(priced.baseGasCost().atomic()).isEqualTo(BigInteger.valueOf(75_000));
    assertThat(priced.facilitatorFee().atomic()).isEqualTo(BigInteger.valueOf(750));
    assertThat(priced.total().toDecimalString()).isEqualTo("0.075750");
    assertThat(priced.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
  }

  @Test
  void givenAFractionalCost_whenPriced_thenEveryConversionRoundsUp() {
    QuotePolicy.Pricing.Priced priced =
        (QuotePolicy.Pricing.Priced)
            policy.price(
                BigInteger.valueOf(21_001),
                NORMAL,
                new FeeMarket(Wei.of(7), Wei.ZERO, false),
                price("0.0912345", NOW),
                6,
                NOW);

    assertThat(priced.gasLimit()).isEqualTo(BigInteger.valueOf(25_202)); // ceil(21001 x 1.2)
    assertThat(priced.maxFeePerGas()).isEqualTo(Wei.of(9)); // ceil(7 x 1.25)
    assertThat(priced.baseGasCost().atomic()).isEqualTo(BigInteger.ONE); // tiny, but never zero
    assertThat(priced.facilitatorFee().atomic()).isEqualTo(BigInteger.ONE); // ceil(1 x 1%)
  }

  @Test
  void givenAnEip1559Chain_whenPriced_thenTheTipIsAddedToTheCap() {
    FeeMarket market = new FeeMarket(Wei.gwei(10), Wei.gwei(2), true);

    QuotePolicy.Pricing.Priced priced =
        (QuotePolicy.Pricing.Priced)
            policy.price(
                BigInteger.valueOf(100_000),
                new GasTier("fast", 150, 200, 2),
                market,
                price("1", NOW),
                6,
                NOW);

    assertThat(priced.maxFeePerGas()).isEqualTo(Wei.gwei(15 + 4));
  }

  @Test
  void givenAZeroFeeSchedule_whenPriced_thenOnlyGasIsCharged() {
    QuotePolicy free =
        new QuotePolicy(new FeeSchedule(0, 0, Duration.ofMinutes(1), Duration.ofMinutes(1)));

    QuotePolicy.Pricing.Priced priced =
        (QuotePolicy.Pricing.Priced)
            free.price(BigInteger.valueOf(100_000), NORMAL, CRONOS, price("0.1", NOW), 6, NOW);

    assertThat(priced.facilitatorFee().atomic()).isZero();
    assertThat(priced.gasLimit()).isEqualTo(BigInteger.valueOf(100_000));
  }
}
