package io.crogas.domain.relay;

import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.Percent;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.port.out.Chain.Simulation;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a transaction is sent with (PRODUCT §6: the quote is a ceiling for the relayer too). A job
 * bids the lowest of its tier's cap over the current base fee, the relayer's fee ceiling and the
 * cap it was quoted; it is simulated at that cap from the key that sends it; its gas limit is the
 * estimate plus the margin but never above the quoted limit, and an estimate above that limit
 * refuses the job before any nonce is taken.
 *
 * @param tiers the configured gas tiers
 * @param defaultTier the tier of jobs that name none (x402 settlements) and of gap fillers
 * @param replacement the bump rule and the fee ceiling
 * @param gasLimitMarginPercent headroom over the simulated gas
 */
public record SendPolicy(
    TierTable tiers, String defaultTier, ReplacementPolicy replacement, int gasLimitMarginPercent) {
  public SendPolicy {
    if (tiers == null || replacement == null || tiers.find(defaultTier).isEmpty()) {
      throw new IllegalArgumentException(
          "tiers, a configured default tier and a replacement policy");
    }
    if (gasLimitMarginPercent < 0) {
      throw new IllegalArgumentException("the gas limit margin must be >= 0");
    }
  }

  /** The tier {@code job} was signed for; the default one if it names none or one since removed. */
  public GasTier tier(RelayJob job) {
    String name =
        job instanceof RelayJob.ForwarderCall call
            ? call.request().metaTransaction().gasLevel()
            : defaultTier;
    return tiers.find(name).or(() -> tiers.find(defaultTier)).orElseThrow();
  }

  /** Where {@code job} goes in its lane's queue: higher is served first. */
  public int priority(RelayJob job) {
    return job instanceof RelayJob.ForwarderCall call
        ? call.queuePriority()
        : tier(job).queuePriority();
  }

  /** The fee cap and tip {@code job} is simulated and sent with in {@code market}. */
  public Fees bid(RelayJob job, FeeMarket market) {
    GasTier tier = tier(job);
    Wei ceiling = min(tier.maxFeePerGas(market), replacement.ceiling());
    Wei cap = job.quotedBudget().map(quoted -> min(quoted.maxFeePerGas(), ceiling)).orElse(ceiling);
    return new Fees(cap, min(tier.tip(market), cap));
  }

  /** {@code job}'s transaction at {@code bid}, sized from its simulation, or why it must not go. */
  public SendPlan plan(RelayJob job, Fees bid, Simulation simulation) {
    if (simulation instanceof Simulation.Reverts reverts) {
      return new SendPlan.Refused("reverts before sending: " + reverts.reason());
    }
    BigInteger gas = ((Simulation.Succeeds) simulation).gas();
    Optional<GasBudget> budget = job.quotedBudget();
    if (budget.isPresent() && gas.compareTo(budget.get().gasLimit()) > 0) {
      return new SendPlan.Refused(
          "the call needs "
              + gas
              + " gas when the relayer sends it, above the quoted limit of "
              + budget.get().gasLimit()
              + "; nothing was sent or charged");
    }
    // Up, as the quote rounds it: a limit a unit short could run out of gas.
    BigInteger gasLimit =
        Percent.percent(gasLimitMarginPercent).asMargin().of(gas, RoundingMode.CEILING);
    return new SendPlan.Ready(
        budget.map(quoted -> gasLimit.min(quoted.gasLimit())).orElse(gasLimit),
        bid.maxFeePerGas(),
        bid.tip());
  }

  /**
   * The fees of a gap filler: the default tier's, or enough to replace {@code toReplace} (bytes a
   * node may still hold for the nonce) when that bids more, within the ceiling.
   */
  public Fees fillerBid(FeeMarket market, Optional<SignedTransaction> toReplace) {
    GasTier tier = tiers.find(defaultTier).orElseThrow();
    Wei cap = min(tier.maxFeePerGas(market), replacement.ceiling());
    Fees fees = new Fees(cap, min(tier.tip(market), cap));
    Optional<Fees> above =
        toReplace.flatMap(last -> replacement.next(new Fees(last.maxFeePerGas(), last.tip()), 0));
    return above.filter(next -> next.maxFeePerGas().compareTo(cap) > 0).orElse(fees);
  }

  private static Wei min(Wei a, Wei b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
