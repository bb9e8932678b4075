package io.crogas.domain.policy;

import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.Percent;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.Wei;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Prices a relay: gas limit × the tier's fee cap = the most CRO the relayer can spend; at the
 * CRO/USD rate that is the base gas cost in USDC, plus the facilitator fee. Every conversion rounds
 * up, so the relayer never pays more than it charges.
 */
public final class QuotePolicy {
  private static final BigDecimal WEI_PER_CRO = BigDecimal.TEN.pow(18);

  private final FeeSchedule schedule;

  public QuotePolicy(FeeSchedule schedule) {
    this.schedule = schedule;
  }

  /** Prices {@code gasEstimate} at {@code tier}, or says why it cannot be priced. */
  public Pricing price(
      BigInteger gasEstimate,
      GasTier tier,
      FeeMarket market,
      Optional<CroUsdPrice> price,
      int tokenDecimals,
      Instant now) {
    if (price.isEmpty()) {
      return new Pricing.Unpriced("no fresh CRO/USD price is available");
    }
    CroUsdPrice rate = price.get();
    Duration age = Duration.between(rate.observedAt(), now);
    if (age.compareTo(schedule.maxPriceAge()) > 0) {
      return new Pricing.Unpriced(
          "the CRO/USD price from " + rate.source() + " is " + age.toSeconds() + "s old (stale)");
    }
    BigInteger gasLimit =
        Percent.percent(schedule.gasLimitMarginPercent())
            .asMargin()
            .of(gasEstimate, RoundingMode.CEILING);
    Wei maxFeePerGas = tier.maxFeePerGas(market);
    Wei croCost = maxFeePerGas.times(gasLimit);
    TokenAmount baseGasCost =
        new TokenAmount(usdAtomic(croCost, rate, tokenDecimals), tokenDecimals);
    TokenAmount facilitatorFee =
        new TokenAmount(
            Percent.basisPoints(schedule.facilitatorFeeBps())
                .of(baseGasCost.atomic(), RoundingMode.CEILING),
            tokenDecimals);
    return new Pricing.Priced(
        gasLimit,
        maxFeePerGas,
        croCost,
        rate,
        baseGasCost,
        facilitatorFee,
        now.plus(schedule.quoteTtl()));
  }

  /** CRO in wei → token units: ceil(wei × usdPerCro × 10^decimals / 10^18), exact. */
  static BigInteger usdAtomic(Wei croCost, CroUsdPrice rate, int decimals) {
    BigDecimal usd =
        new BigDecimal(croCost.value())
            .multiply(rate.usdPerCro())
            .movePointRight(decimals)
            .divide(WEI_PER_CRO);
    return usd.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
  }

  /** A priced relay, or the reason there is no price. */
  public sealed interface Pricing permits Pricing.Priced, Pricing.Unpriced {
    record Priced(
        BigInteger gasLimit,
        Wei maxFeePerGas,
        Wei croCost,
        CroUsdPrice price,
        TokenAmount baseGasCost,
        TokenAmount facilitatorFee,
        Instant expiresAt)
        implements Pricing {
      public TokenAmount total() {
        return baseGasCost.plus(facilitatorFee);
      }
    }

    record Unpriced(String reason) implements Pricing {}
  }
}
