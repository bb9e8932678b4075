package io.crogas.domain.policy;

import io.crogas.domain.model.CroUsdPrice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Combines CRO/USD readings from independent sources into one price: the median of the fresh
 * readings, refused when too few are fresh or when any fresh reading strays from the median by more
 * than the allowed deviation. Disagreement is refused rather than outvoted: a source that moved
 * alone may be the one that is right, and a quote priced on the wrong side costs the relayer or the
 * user real money.
 *
 * @param maxAge a reading observed longer ago than this is stale and not counted
 * @param minFresh how many fresh readings a price needs (1 for a single configured source)
 * @param maxDeviationBps the largest distance of a fresh reading from the median, in basis points
 *     of the median
 */
public record PriceConsensus(Duration maxAge, int minFresh, int maxDeviationBps) {
  private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);
  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

  public PriceConsensus {
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("the maximum price age must be positive");
    }
    if (minFresh < 1) {
      throw new IllegalArgumentException("a price needs at least one fresh source");
    }
    if (maxDeviationBps < 0 || maxDeviationBps > 10_000) {
      throw new IllegalArgumentException("the price deviation must be within 0..10000 bps");
    }
  }

  /** The outcome of combining readings. */
  public sealed interface Outcome permits Outcome.Agreed, Outcome.Refused {
    /** The median, observed when the oldest reading that went into it was. */
    record Agreed(CroUsdPrice price) implements Outcome {}

    /** No price: the reason says which sources were missing, stale or apart. */
    record Refused(String reason) implements Outcome {}
  }

  /** Combines {@code readings} (one per source that answered) as of {@code now}. */
  public Outcome combine(List<CroUsdPrice> readings, Instant now) {
    List<CroUsdPrice> fresh =
        readings.stream()
            .filter(r -> !r.observedAt().isAfter(now.plusSeconds(60))) // a clock far ahead lies
            .filter(r -> Duration.between(r.observedAt(), now).compareTo(maxAge) <= 0)
            .sorted(Comparator.comparing(CroUsdPrice::usdPerCro))
            .toList();
    if (fresh.size() < minFresh) {
      return new Outcome.Refused(
          "no fresh CRO/USD price: "
              + fresh.size()
              + " of "
              + readings.size()
              + " answering sources are fresh within "
              + maxAge.toSeconds()
              + " s, "
              + minFresh
              + " needed");
    }
    BigDecimal median = median(fresh);
    for (CroUsdPrice reading : fresh) {
      BigDecimal deviationBps =
          reading.usdPerCro().subtract(median).abs().multiply(BPS).divide(median, PRECISION);
      if (deviationBps.compareTo(BigDecimal.valueOf(maxDeviationBps)) > 0) {
        return new Outcome.Refused(
            "no agreed CRO/USD price: "
                + describe(fresh)
                + " differ by more than "
                + maxDeviationBps
                + " bps from their median "
                + median.toPlainString());
      }
    }
    Instant oldest =
        fresh.stream().map(CroUsdPrice::observedAt).min(Comparator.naturalOrder()).orElseThrow();
    String source =
        fresh.size() == 1
            ? fresh.get(0).source()
            : "median("
                + fresh.stream().map(CroUsdPrice::source).collect(Collectors.joining(","))
                + ")";
    return new Outcome.Agreed(new CroUsdPrice(median, source, oldest));
  }

  private static BigDecimal median(List<CroUsdPrice> sorted) {
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle).usdPerCro();
    }
    return sorted
        .get(middle - 1)
        .usdPerCro()
        .add(sorted.get(middle).usdPerCro())
        .divide(BigDecimal.valueOf(2), PRECISION)
        .stripTrailingZeros();
  }

  private static String describe(List<CroUsdPrice> readings) {
    return readings.stream()
        .map(r -> r.source() + "=" + r.usdPerCro().toPlainString())
        .collect(Collectors.joining(", "));
  }
}
