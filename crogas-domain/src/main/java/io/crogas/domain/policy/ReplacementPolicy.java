package io.crogas.domain.policy;

import io.crogas.domain.model.Percent;
import io.crogas.domain.model.Wei;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * When and how a stuck transaction is replaced (same nonce, higher fees). Nodes accept a
 * replacement only if both the fee cap and the tip rise by their bump rule (geth and Cronos: 10%);
 * the relayer never bids above its ceiling, so a replacement is refused rather than overpaid.
 *
 * @param bumpPercent how much each replacement raises both fees (at least the node's rule)
 * @param maxReplacements how many times one nonce is replaced at most
 * @param ceiling the highest fee cap per gas the relayer will ever pay
 */
public record ReplacementPolicy(int bumpPercent, int maxReplacements, Wei ceiling) {
  public ReplacementPolicy {
    if (bumpPercent < 10 || bumpPercent > 1_000) {
      throw new IllegalArgumentException("bumpPercent must be within 10..1000 (nodes require 10)");
    }
    if (maxReplacements < 0 || ceiling == null) {
      throw new IllegalArgumentException("maxReplacements >= 0 and a ceiling are required");
    }
  }

  /** The fees of replacement number {@code replacements + 1}, or empty when none is allowed. */
  public Optional<Fees> next(Fees current, int replacements) {
    if (replacements >= maxReplacements) {
      return Optional.empty();
    }
    Wei cap = bump(current.maxFeePerGas());
    if (cap.compareTo(ceiling) > 0) {
      return Optional.empty();
    }
    return Optional.of(new Fees(cap, bump(current.tip())));
  }

  private Wei bump(Wei fee) {
    // Round up (a bump a wei short of the node's rule is refused), and always rise by at least
    // 1 wei so that a zero tip still counts as bumped.
    BigInteger bumped =
        Percent.percent(bumpPercent).asMargin().of(fee.value(), RoundingMode.CEILING);
    return new Wei(bumped.max(fee.value().add(BigInteger.ONE)));
  }

  /** A fee cap and tip pair. */
  public record Fees(Wei maxFeePerGas, Wei tip) {}
}
