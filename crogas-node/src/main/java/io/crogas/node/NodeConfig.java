package io.crogas.node;

import io.crogas.chain.NetworkProfile;
import io.crogas.domain.model.Address;
import io.crogas.domain.policy.FeeSchedule;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.RevertPolicy;
import io.crogas.domain.policy.TargetPolicy;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.service.FacilitatorSettings;
import io.crogas.domain.service.WebhookSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link CroGasNode} needs. Build one with {@link #builder}: four facts are required
 * (RPC URL, network, forwarder, USDC), relayer keys, a store (a file, or a shared Redis) and a
 * price feed; the rest has defaults fit for Cronos ({@link NodeDefaults}).
 */
public record NodeConfig(
    String rpcUrl,
    NetworkProfile network,
    Address forwarder,
    Address usdc,
    RelayerKeys relayerKeys,
    StoreLocation store,
    PriceFeed prices,
    TierTable tiers,
    FeeSchedule fees,
    TargetPolicy targets,
    ReplacementPolicy replacement,
    BigInteger forwarderOverheadGas,
    BigInteger maxGasPerRequest,
    Duration defaultDeadline,
    Duration deadlineMargin,
    RevertPolicy reverts,
    Duration pollInterval,
    Duration replaceAfter,
    Duration settleWait,
    int settleInFlightLimit,
    Duration rpcTimeout,
    Set<Address> payees,
    Duration receiptGrace,
    Duration keyCheckInterval,
    int laneQueueLimit,
    BigDecimal minimumSettleValue,
    WebhookSettings webhooks,
    String instanceId,
    Duration leaseTtl) {

  public NodeConfig {
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(forwarder, "forwarder");
    Objects.requireNonNull(usdc, "usdc");
    Objects.requireNonNull(relayerKeys, "relayerKeys");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(prices, "prices");
    payees = Set.copyOf(payees);
    Objects.requireNonNull(minimumSettleValue, "minimumSettleValue");
    Objects.requireNonNull(webhooks, "webhooks");
    if (instanceId == null || instanceId.isBlank()) {
      throw new IllegalArgumentException("instanceId must not be blank");
    }
    if (leaseTtl == null || leaseTtl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("leaseTtl must be at least one second");
    }
  }

  public static Builder builder(
      String rpcUrl, NetworkProfile network, Address forwarder, Address usdc) {
    return new Builder(rpcUrl, network, forwarder, usdc);
  }

  /** Fills in the defaults; set what differs. */
  public static final class Builder {
    private final String rpcUrl;
    private final NetworkProfile network;
    private final Address forwarder;
    private final Address usdc;
    private RelayerKeys relayerKeys;
    private StoreLocation store;
    private PriceFeed prices;
    private TierTable tiers = TierTable.defaults();
    private FeeSchedule fees = FeeSchedule.defaults();
    private TargetPolicy targets = TargetPolicy.open();
    private ReplacementPolicy replacement = NodeDefaults.REPLACEMENT;
    private BigInteger forwarderOverheadGas = NodeDefaults.FORWARDER_OVERHEAD_GAS;
    private BigInteger maxGasPerRequest = NodeDefaults.MAX_GAS_PER_REQUEST;
    private Duration defaultDeadline = NodeDefaults.DEFAULT_DEADLINE;
    private Duration deadlineMargin = NodeDefaults.DEADLINE_MARGIN;
    private RevertPolicy reverts = RevertPolicy.defaults();
    private Duration pollInterval = NodeDefaults.POLL_INTERVAL;
    private Duration replaceAfter = NodeDefaults.REPLACE_AFTER;
    private Duration settleWait = NodeDefaults.SETTLE_WAIT;
    private int settleInFlightLimit = NodeDefaults.SETTLE_IN_FLIGHT_LIMIT;
    private Duration rpcTimeout = NodeDefaults.RPC_TIMEOUT;
    private Set<Address> payees = Set.of();
    private Duration receiptGrace = NodeDefaults.RECEIPT_GRACE;
    private Duration keyCheckInterval = NodeDefaults.KEY_CHECK_INTERVAL;
    private int laneQueueLimit = NodeDefaults.LANE_QUEUE_LIMIT;
    private BigDecimal minimumSettleValue = FacilitatorSettings.DEFAULT_MINIMUM_VALUE;
    private WebhookSettings webhooks = WebhookSettings.defaults();
    private String instanceId = NodeDefaults.INSTANCE_ID;
    private Duration leaseTtl = NodeDefaults.LEASE_TTL;

    private Builder(String rpcUrl, NetworkProfile network, Address forwarder, Address usdc) {
      this.rpcUrl = rpcUrl;
      this.network = network;
      this.forwarder = forwarder;
      this.usdc = usdc;
    }

    public Builder relayerKeys(RelayerKeys value) {
      this.relayerKeys = value;
      return this;
    }

    /** The embedded SQLite store in {@code value}. */
    public Builder storeFile(Path value) {
      return store(new StoreLocation.SqliteFile(value));
    }

    /** The store: a SQLite file, or a Redis several instances share. */
    public Builder store(StoreLocation value) {
      this.store = value;
      return this;
    }

    public Builder prices(PriceFeed value) {
      this.prices = value;
      return this;
    }

    public Builder tiers(TierTable value) {
      this.tiers = value;
      return this;
    }

    public Builder fees(FeeSchedule value) {
      this.fees = value;
      return this;
    }

    public Builder targets(TargetPolicy value) {
      this.targets = value;
      return this;
    }

    public Builder replacement(ReplacementPolicy value) {
      this.replacement = value;
      return this;
    }

    public Builder maxGasPerRequest(BigInteger value) {
      this.maxGasPerRequest = value;
      return this;
    }

    public Builder defaultDeadline(Duration value) {
      this.defaultDeadline = value;
      return this;
    }

    /** How far beyond now a relay request's deadline and fee authorization must reach. */
    public Builder deadlineMargin(Duration value) {
      this.deadlineMargin = value;
      return this;
    }

    /** How addresses whose calls revert on chain are slowed down, then refused. */
    public Builder reverts(RevertPolicy value) {
      this.reverts = value;
      return this;
    }

    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    public Builder replaceAfter(Duration value) {
      this.replaceAfter = value;
      return this;
    }

    public Builder settleWait(Duration value) {
      this.settleWait = value;
      return this;
    }

    /** x402 settles waiting for the chain at once; beyond it, settle answers 503. */
    public Builder settleInFlightLimit(int value) {
      this.settleInFlightLimit = value;
      return this;
    }

    public Builder rpcTimeout(Duration value) {
      this.rpcTimeout = value;
      return this;
    }

    public Builder payees(Set<Address> value) {
      this.payees = value;
      return this;
    }

    public Builder webhooks(WebhookSettings value) {
      this.webhooks = value;
      return this;
    }

    /** How long a passed relayer nonce may lack a receipt before its job is reported failed. */
    public Builder receiptGrace(Duration value) {
      this.receiptGrace = value;
      return this;
    }

    /** How often each relayer key's balance and forwarder registration are read again. */
    public Builder keyCheckInterval(Duration value) {
      this.keyCheckInterval = value;
      return this;
    }

    /** How many jobs one relayer key's lane may hold before new jobs are refused. */
    public Builder laneQueueLimit(int value) {
      this.laneQueueLimit = value;
      return this;
    }

    /** x402: the smallest transfer settled, in token units (default 0.001). */
    public Builder minimumSettleValue(BigDecimal value) {
      this.minimumSettleValue = value;
      return this;
    }

    /**
     * This instance's name on the store's relayer key leases: an instance restarted under the same
     * name takes its keys back at once; instances sharing one store each need their own.
     */
    public Builder instanceId(String value) {
      this.instanceId = value;
      return this;
    }

    /**
     * How long a relayer key's lease lasts unless renewed (every third of it): how long the keys of
     * an instance that died wait before another instance sharing the store takes them over.
     */
    public Builder leaseTtl(Duration value) {
      this.leaseTtl = value;
      return this;
    }

    public NodeConfig build() {
      return new NodeConfig(
          rpcUrl,
          network,
          forwarder,
          usdc,
          relayerKeys,
          store,
          prices,
          tiers,
          fees,
          targets,
          replacement,
          forwarderOverheadGas,
          maxGasPerRequest,
          defaultDeadline,
          deadlineMargin,
          reverts,
          pollInterval,
          replaceAfter,
          settleWait,
          settleInFlightLimit,
          rpcTimeout,
          payees,
          receiptGrace,
          keyCheckInterval,
          laneQueueLimit,
          minimumSettleValue,
          webhooks,
          instanceId,
          leaseTtl);
    }
  }
}
