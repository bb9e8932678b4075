package io.crogas.cli.serve;

import io.crogas.cli.chain.GasPricing;
import io.crogas.cli.chain.NetworkPreset;
import io.crogas.cli.keys.PasswordSource;
import io.crogas.domain.model.Address;
import io.crogas.domain.policy.FeeSchedule;
import io.crogas.domain.policy.RetrySchedule;
import io.crogas.domain.policy.RevertPolicy;
import io.crogas.domain.policy.TargetPolicy;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.service.FacilitatorSettings;
import io.crogas.domain.service.WebhookSettings;
import io.crogas.http.ApiSettings;
import io.crogas.http.TrustedProxies;
import io.crogas.node.NodeConfig;
import io.crogas.node.NodeDefaults;
import io.crogas.node.RelayerKeys;
import io.crogas.node.StoreLocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code crogas serve}'s configuration, read from {@link Setting}s and validated as a whole: every
 * problem is named with its variable (docs/configuration.md).
 */
public record ServeSettings(
    Optional<NetworkPreset> network,
    String rpcUrl,
    long chainId,
    GasPricing pricing,
    Address forwarder,
    Address usdc,
    List<Path> keystores,
    PasswordSource password,
    String host,
    int port,
    StoreLocation store,
    PriceSettings prices,
    int feeBps,
    int gasMarginPercent,
    Duration quoteTtl,
    TierTable tiers,
    Set<Address> allowTargets,
    Set<Address> denyTargets,
    Set<Address> payees,
    BigInteger maxGasPerRequest,
    Duration defaultDeadline,
    Duration deadlineMargin,
    RevertPolicy reverts,
    Duration settleWait,
    int settleInFlightLimit,
    Duration rpcTimeout,
    List<String> corsOrigins,
    Duration receiptGrace,
    Duration keyCheckInterval,
    int laneQueueLimit,
    String instanceId,
    Duration leaseTtl,
    Optional<String> explorerTxUrl,
    BigDecimal minimumSettleUsdc,
    Optional<String> metricsToken,
    ApiSettings.Access access,
    WebhookSettings webhooks) {

  public ServeSettings {
    keystores = List.copyOf(keystores);
    allowTargets = Set.copyOf(allowTargets);
    denyTargets = Set.copyOf(denyTargets);
    payees = Set.copyOf(payees);
    corsOrigins = List.copyOf(corsOrigins);
  }

  /**
   * @throws InvalidSettingsException naming every missing or malformed setting
   */
  public static ServeSettings read(SettingsSource source) {
    SettingsReader in = new SettingsReader(source);
    var network = NetworkSettings.read(in);
    var chainId = network.map(NetworkSettings::chainId);
    var pricing = in.optional(Setting.GAS_PRICING, "cronos", SettingParsers::pricing);
    var forwarder = in.required(Setting.FORWARDER, Address::parse);
    var keystores = in.required(Setting.KEYSTORES, SettingParsers::paths);
    var password = password(in);
    var host = in.optional(Setting.HOST, "127.0.0.1", text -> text);
    var port = in.optional(Setting.PORT, "8402", SettingParsers.integer(1, 65_535));
    var storePrefix =
        in.optional(Setting.STORE_PREFIX, StoreLocation.Redis.DEFAULT_PREFIX, prefix -> prefix);
    var store =
        in.optional(
            Setting.STORE,
            "crogas.db",
            value ->
                StoreLocation.parse(value, storePrefix.orElse(StoreLocation.Redis.DEFAULT_PREFIX)));
    var price = PriceSettings.read(in, chainId);
    FeeSchedule fees = FeeSchedule.defaults();
    var feeBps =
        in.withDefault(
            Setting.FEE_BPS, (long) fees.facilitatorFeeBps(), SettingParsers.integer(0, 10_000));
    var margin =
        in.withDefault(
            Setting.GAS_MARGIN_PERCENT,
            (long) fees.gasLimitMarginPercent(),
            SettingParsers.integer(0, 1_000));
    var ttl =
        in.withDefault(
            Setting.QUOTE_TTL_SECONDS, fees.quoteTtl(), SettingParsers.seconds(5, 3_600));
    var tiers = in.withDefault(Setting.TIERS, TierTable.defaults(), SettingParsers::tiers);
    var allow = in.optional(Setting.ALLOW_TARGETS, "", SettingParsers::addresses);
    var deny = in.optional(Setting.DENY_TARGETS, "", SettingParsers::addresses);
    var payees = in.optional(Setting.PAYEES, "", SettingParsers::addresses);
    var maxGas =
        in.withDefault(
            Setting.MAX_GAS_PER_REQUEST, NodeDefaults.MAX_GAS_PER_REQUEST, SettingParsers::gas);
    var deadline =
        in.withDefault(
            Setting.DEFAULT_DEADLINE_SECONDS,
            NodeDefaults.DEFAULT_DEADLINE,
            SettingParsers.seconds(60, 86_400));
    var deadlineMargin =
        in.withDefault(
            Setting.DEADLINE_MARGIN_SECONDS,
            NodeDefaults.DEADLINE_MARGIN,
            SettingParsers.seconds(0, 3_600));
    RevertPolicy revertDefaults = RevertPolicy.defaults();
    var revertWindow =
        in.withDefault(
            Setting.REVERT_WINDOW_SECONDS,
            revertDefaults.window(),
            SettingParsers.seconds(0, 604_800));
    var refuseAfter =
        in.withDefault(
            Setting.REVERTS_BEFORE_REFUSAL,
            (long) revertDefaults.refuseAfter(),
            SettingParsers.integer(1, 1_000));
    var slowdown =
        in.withDefault(
            Setting.REVERT_SLOWDOWN_SECONDS,
            revertDefaults.slowdown(),
            SettingParsers.seconds(0, 86_400));
    if (deadline.isPresent()
        && deadlineMargin.isPresent()
        && deadlineMargin.get().compareTo(deadline.get()) >= 0) {
      in.problem(
          Setting.DEADLINE_MARGIN_SECONDS.label()
              + " must be shorter than "
              + Setting.DEFAULT_DEADLINE_SECONDS.label());
    }
    var settleWait =
        in.withDefault(
            Setting.SETTLE_WAIT_SECONDS, NodeDefaults.SETTLE_WAIT, SettingParsers.seconds(1, 600));
    var settlesInFlight =
        in.withDefault(
            Setting.SETTLE_IN_FLIGHT_LIMIT,
            (long) NodeDefaults.SETTLE_IN_FLIGHT_LIMIT,
            SettingParsers.integer(1, 1_000_000));
    var rpcTimeout =
        in.withDefault(
            Setting.RPC_TIMEOUT_SECONDS, NodeDefaults.RPC_TIMEOUT, SettingParsers.seconds(1, 300));
    var cors = in.optional(Setting.CORS_ORIGINS, "", SettingParsers::origins);
    var grace =
        in.withDefault(
            Setting.RECEIPT_GRACE_SECONDS,
            NodeDefaults.RECEIPT_GRACE,
            SettingParsers.seconds(1, 86_400));
    var keyCheck =
        in.withDefault(
            Setting.KEY_CHECK_SECONDS,
            NodeDefaults.KEY_CHECK_INTERVAL,
            SettingParsers.seconds(1, 3_600));
    var laneLimit =
        in.withDefault(
            Setting.LANE_QUEUE_LIMIT,
            (long) NodeDefaults.LANE_QUEUE_LIMIT,
            SettingParsers.integer(1, 1_000_000));
    var instanceId =
        in.withDefault(Setting.INSTANCE_ID, NodeDefaults.INSTANCE_ID, SettingParsers::instanceId);
    var leaseTtl =
        in.withDefault(
            Setting.LEASE_TTL_SECONDS, NodeDefaults.LEASE_TTL, SettingParsers.seconds(3, 3_600));
    var minimum =
        in.withDefault(
            Setting.MINIMUM_SETTLE_USDC,
            FacilitatorSettings.DEFAULT_MINIMUM_VALUE,
            SettingParsers::nonNegativeDecimal);
    var metricsToken = in.raw(Setting.METRICS_TOKEN).filter(token -> !token.isBlank());
    var access = access(in);
    var webhooks = webhooks(in);
    in.check();
    return new ServeSettings(
        network.orElseThrow().preset(),
        network.orElseThrow().rpcUrl(),
        chainId.orElseThrow(),
        pricing.orElseThrow(),
        forwarder.orElseThrow(),
        network.orElseThrow().usdc(),
        keystores.orElseThrow(),
        password.orElseThrow(),
        host.orElseThrow(),
        port.orElseThrow().intValue(),
        store.orElseThrow(),
        price.orElseThrow(),
        feeBps.orElseThrow().intValue(),
        margin.orElseThrow().intValue(),
        ttl.orElseThrow(),
        tiers.orElseThrow(),
        allow.orElseThrow(),
        deny.orElseThrow(),
        payees.orElseThrow(),
        maxGas.orElseThrow(),
        deadline.orElseThrow(),
        deadlineMargin.orElseThrow(),
        new RevertPolicy(
            revertWindow.orElseThrow(),
            refuseAfter.orElseThrow().intValue(),
            slowdown.orElseThrow()),
        settleWait.orElseThrow(),
        settlesInFlight.orElseThrow().intValue(),
        rpcTimeout.orElseThrow(),
        cors.orElseThrow(),
        grace.orElseThrow(),
        keyCheck.orElseThrow(),
        laneLimit.orElseThrow().intValue(),
        instanceId.orElseThrow(),
        leaseTtl.orElseThrow(),
        network.orElseThrow().explorerTxUrl(),
        minimum.orElseThrow(),
        metricsToken,
        access.orElseThrow(),
        webhooks.orElseThrow());
  }

  /**
   * Who may call what: anonymous callers off by default (facilitator clients need an API key), the
   * limits, and the proxies whose X-Forwarded-For is believed.
   */
  private static Optional<ApiSettings.Access> access(SettingsReader in) {
    ApiSettings.RateLimits limits = ApiSettings.RateLimits.defaults();
    Function<String, ApiSettings.RateLimit> perMinute =
        SettingParsers.integer(1, 1_000_000)
            .andThen(n -> ApiSettings.RateLimit.perMinute(n.intValue()));
    // serve's own default: facilitator clients need a key (dev and embedders admit everyone).
    var anonymous =
        in.withDefault(Setting.ANONYMOUS, ApiSettings.Anonymous.OFF, ApiSettings.Anonymous::parse);
    var perKey = in.withDefault(Setting.API_KEY_PER_MINUTE, limits.perApiKey(), perMinute);
    var refresh =
        in.withDefault(
            Setting.API_KEY_REFRESH_SECONDS,
            ApiSettings.Access.DEFAULT_API_KEY_REFRESH,
            SettingParsers.seconds(1, 300));
    var perIp = in.withDefault(Setting.IP_PER_MINUTE, limits.perIp(), perMinute);
    var perAddress = in.withDefault(Setting.ADDRESS_PER_MINUTE, limits.perAddress(), perMinute);
    var proxies =
        in.withDefault(Setting.TRUSTED_PROXIES, TrustedProxies.none(), TrustedProxies::parse);
    if (anonymous.isEmpty()
        || perKey.isEmpty()
        || refresh.isEmpty()
        || perIp.isEmpty()
        || perAddress.isEmpty()
        || proxies.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiSettings.Access(
            anonymous.get(),
            new ApiSettings.RateLimits(
                perIp.get(), perKey.get(), perAddress.get(), limits.faucetPerAddress()),
            proxies.get(),
            refresh.get()));
  }

  private static Optional<WebhookSettings> webhooks(SettingsReader in) {
    WebhookSettings defaults = WebhookSettings.defaults();
    var lowBalance =
        in.withDefault(Setting.LOW_BALANCE_CRO, defaults.lowBalance(), SettingParsers::cro);
    var base =
        in.withDefault(
            Setting.WEBHOOK_RETRY_BASE_SECONDS,
            defaults.retries().base(),
            SettingParsers.seconds(1, 3_600));
    var cap =
        in.withDefault(
            Setting.WEBHOOK_RETRY_MAX_SECONDS,
            defaults.retries().cap(),
            SettingParsers.seconds(1, 86_400));
    var attempts =
        in.withDefault(
            Setting.WEBHOOK_MAX_ATTEMPTS,
            (long) defaults.retries().maxAttempts(),
            SettingParsers.integer(1, 100));
    boolean capBelowBase =
        base.isPresent() && cap.isPresent() && cap.get().compareTo(base.get()) < 0;
    if (capBelowBase) {
      in.problem(
          Setting.WEBHOOK_RETRY_MAX_SECONDS.label()
              + " must be at least "
              + Setting.WEBHOOK_RETRY_BASE_SECONDS.label());
    }
    if (capBelowBase
        || base.isEmpty()
        || cap.isEmpty()
        || lowBalance.isEmpty()
        || attempts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new WebhookSettings(
            new RetrySchedule(base.get(), cap.get(), attempts.get().intValue()),
            defaults.pollInterval(),
            defaults.sendTimeout(),
            defaults.lease(),
            lowBalance.get(),
            defaults.balanceCheckInterval()));
  }

  private static Optional<PasswordSource> password(SettingsReader in) {
    var file = in.raw(Setting.KEYSTORE_PASSWORD_FILE);
    var variable = in.raw(Setting.KEYSTORE_PASSWORD_ENV);
    if (file.isPresent() == variable.isPresent()) {
      in.problem(
          "set exactly one of "
              + Setting.KEYSTORE_PASSWORD_FILE.label()
              + " and "
              + Setting.KEYSTORE_PASSWORD_ENV.label());
      return Optional.empty();
    }
    return Optional.of(
        file.<PasswordSource>map(path -> new PasswordSource.File(Path.of(path)))
            .orElseGet(() -> new PasswordSource.Environment(variable.orElseThrow())));
  }

  /** The node's configuration, the keystore password read now from its source. */
  public NodeConfig nodeConfig(Map<String, String> environment, InstantSource clock) {
    PasswordSource.Secret secret = password.read(environment);
    return NodeConfig.builder(rpcUrl, pricing.profile(chainId), forwarder, usdc)
        .relayerKeys(new RelayerKeys.Keystores(keystores, secret.keystorePassword()))
        .store(store)
        .prices(prices.start(rpcUrl, clock))
        .tiers(tiers)
        .fees(
            new FeeSchedule(
                feeBps, gasMarginPercent, quoteTtl, FeeSchedule.defaults().maxPriceAge()))
        .targets(new TargetPolicy(allowTargets, denyTargets))
        .payees(payees)
        .maxGasPerRequest(maxGasPerRequest)
        .defaultDeadline(defaultDeadline)
        .deadlineMargin(deadlineMargin)
        .reverts(reverts)
        .settleWait(settleWait)
        .settleInFlightLimit(settleInFlightLimit)
        .rpcTimeout(rpcTimeout)
        .receiptGrace(receiptGrace)
        .keyCheckInterval(keyCheckInterval)
        .laneQueueLimit(laneQueueLimit)
        .instanceId(instanceId)
        .leaseTtl(leaseTtl)
        .minimumSettleValue(minimumSettleUsdc)
        .webhooks(webhooks)
        .build();
  }
}
