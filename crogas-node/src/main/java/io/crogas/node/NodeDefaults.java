package io.crogas.node;

import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import java.math.BigInteger;
import java.time.Duration;

/**
 * What {@link NodeConfig.Builder} starts from for the settings a caller leaves alone; {@code crogas
 * serve}'s settings default to the same values (docs/configuration.md). The policies' defaults are
 * theirs: {@code FeeSchedule.defaults()}, {@code TierTable.defaults()}, {@code
 * RevertPolicy.defaults()}, {@code WebhookSettings.defaults()}, {@code
 * FacilitatorSettings.DEFAULT_MINIMUM_VALUE}.
 */
public final class NodeDefaults {
  public static final ReplacementPolicy REPLACEMENT =
      new ReplacementPolicy(10, 5, Wei.gwei(1_000_000));
  public static final BigInteger FORWARDER_OVERHEAD_GAS = BigInteger.valueOf(140_000);
  public static final BigInteger MAX_GAS_PER_REQUEST = BigInteger.valueOf(3_000_000);
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);
  public static final Duration DEADLINE_MARGIN = Duration.ofSeconds(30);
  public static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  public static final Duration REPLACE_AFTER = Duration.ofSeconds(30);
  public static final Duration SETTLE_WAIT = Duration.ofSeconds(30);
  public static final int SETTLE_IN_FLIGHT_LIMIT = 1_000;
  public static final Duration RPC_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration RECEIPT_GRACE = Duration.ofSeconds(30);
  public static final Duration KEY_CHECK_INTERVAL = Duration.ofSeconds(30);
  public static final int LANE_QUEUE_LIMIT = 1_000;

  /**
   * The instance's name on its store's relayer key leases; instances sharing a store need their
   * own.
   */
  public static final String INSTANCE_ID = "crogas";

  public static final Duration LEASE_TTL = Duration.ofSeconds(15);

  private NodeDefaults() {}
}
