package io.crogas.domain.model;

import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * What a gas level ("slow", "normal", "fast") buys. On Cronos (FIFO ordering, no priority tip, the
 * fee cap is what is charged) a higher tier buys headroom against base-fee rises while the
 * transaction waits, and an earlier place in the relayer's own queue; on chains with priority fees
 * it also raises the tip. Both bids round up: a wei below the tier's percentage would buy less
 * headroom than the tier promises.
 *
 * @param name the tier's name as users sign it in {@code gasLevel}
 * @param feeCapPercent fee cap as a percentage of the current base fee (at least 100)
 * @param tipPercent priority tip as a percentage of the node's suggestion (0 on Cronos)
 * @param queuePriority higher is served first by the relayer's queue
 */
public record GasTier(String name, int feeCapPercent, int tipPercent, int queuePriority) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  public GasTier {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tier name must be 1-32 lowercase letters, digits, - or _");
    }
    if (feeCapPercent < 100 || feeCapPercent > 10_000) {
      throw new IllegalArgumentException(
          "feeCapPercent must be within 100..10000: " + feeCapPercent);
    }
    if (tipPercent < 0 || tipPercent > 10_000) {
      throw new IllegalArgumentException("tipPercent must be within 0..10000: " + tipPercent);
    }
  }

  /** The priority tip this tier bids (zero on chains without EIP-1559). */
  public Wei tip(FeeMarket market) {
    if (!market.eip1559()) {
      return Wei.ZERO;
    }
    return new Wei(
        Percent.percent(tipPercent).of(market.suggestedTip().value(), RoundingMode.CEILING));
  }

  /** The fee cap per gas this tier bids: the base fee with headroom, plus the tip. */
  public Wei maxFeePerGas(FeeMarket market) {
    return new Wei(
            Percent.percent(feeCapPercent).of(market.baseFee().value(), RoundingMode.CEILING))
        .plus(tip(market));
  }
}
