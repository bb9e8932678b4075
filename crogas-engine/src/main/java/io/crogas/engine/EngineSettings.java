package io.crogas.engine;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.relay.SendChecks;
import io.crogas.domain.relay.SendPolicy;
import io.crogas.domain.relay.WatchPolicy;
import java.time.Duration;

/**
 * How the relay engine drives transactions.
 *
 * @param eip1559 whether the chain takes type-2 transactions (Cronos does; tips are zero there)
 * @param gasLimitMarginPercent headroom over the simulated gas
 * @param pollInterval how often an in-flight nonce is looked at
 * @param replaceAfter how long a transaction may wait unmined before it is replaced
 * @param sendAttempts how often a send that did not reach the node is tried before waiting
 * @param defaultTier the tier for jobs that do not name one (x402 settlements)
 * @param sendChecks what is re-checked right before a job is sent
 * @param receiptGrace how long a relayer nonce the chain has passed may lack a receipt for every
 *     hash sent for it before the job is reported failed (a late receipt still corrects it)
 * @param keyCheckInterval how often each relayer key's balance and forwarder registration are read
 *     again, to take it out of rotation or bring it back
 * @param laneQueueLimit how many jobs one lane may hold (queued or in flight) before new jobs are
 *     refused
 */
public record EngineSettings(
    ChainId chainId,
    boolean eip1559,
    TierTable tiers,
    String defaultTier,
    int gasLimitMarginPercent,
    Duration pollInterval,
    Duration replaceAfter,
    ReplacementPolicy replacement,
    int sendAttempts,
    SendChecks sendChecks,
    Duration receiptGrace,
    Duration keyCheckInterval,
    int laneQueueLimit) {
  public EngineSettings {
    if (chainId == null || tiers == null || replacement == null || sendChecks == null) {
      throw new IllegalArgumentException("chainId, tiers, replacement and sendChecks are required");
    }
    if (tiers.find(defaultTier).isEmpty()) {
      throw new IllegalArgumentException("the default tier must be configured: " + defaultTier);
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || replaceAfter.isNegative()) {
      throw new IllegalArgumentException("poll interval must be positive and replaceAfter >= 0");
    }
    if (receiptGrace.isNegative()
        || keyCheckInterval.isNegative()
        || keyCheckInterval.isZero()
        || laneQueueLimit < 1) {
      throw new IllegalArgumentException(
          "receipt grace >= 0, a positive key check interval and a lane limit >= 1 are required");
    }
    if (gasLimitMarginPercent < 0 || sendAttempts < 1) {
      throw new IllegalArgumentException("margin >= 0 and at least one send attempt are required");
    }
  }

  /** What jobs and gap fillers are sent with. */
  public SendPolicy sendPolicy() {
    return new SendPolicy(tiers, defaultTier, replacement, gasLimitMarginPercent);
  }

  /** When nonces in flight are re-sent or replaced, and what a passed nonce means. */
  public WatchPolicy watchPolicy() {
    return new WatchPolicy(replacement, replaceAfter, receiptGrace);
  }
}
