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
import io.crogas.domain.service.WebhookSettings;
import io.crogas.http.ApiSettings;
import io.crogas.http.TrustedProxies;
import io.crogas.node.NodeConfig;
import io.crogas.node.RelayerKeys;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    Path store,
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
    Duration rpcTimeout,
    List<String> corsOrigins,
    Duration receiptGrace,
    Duration keyCheckInterval,
    int laneQueueLimit,
    Optional<String> explorerTxUrl,
    BigDecimal minimumSettleUsdc,
    Optional<String> metricsToken,
    ApiSettings.Access access,
    WebhookSettings webhooks) {

  /** The tiers when {@link Setting#TIERS} is not set. */
  public static final String DEFAULT_TIERS = "slow:110:100:0,normal:125:125:1,fast:150:200:2";

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
    var store = in.optional(Setting.STORE, "crogas.db", Path::of);
    var price = PriceSettings.read(in, chainId);
    var feeBps = in.optional(Setting.FEE_BPS, "100", SettingParsers.integer(0, 10_000));
    var margin = in.optional(Setting.GAS_MARGIN_PERCENT, "20", SettingParsers.integer(0, 1_000));
    var ttl = in.optional(Setting.QUOTE_TTL_SECONDS, "120", SettingParsers.seconds(5, 3_600));
    var tiers = in.optional(Setting.TIERS, DEFAULT_TIERS, SettingParsers::tiers);
    var allow = in.optional(Setting.ALLOW_TARGETS, "", SettingParsers::addresses);
    var deny = in.optional(Setting.DENY_TARGETS, "", SettingParsers::addresses);
    var payees = in.optional(Setting.PAYEES, "", SettingParsers::addresses);
    var maxGas = in.optional(Setting.MAX_GAS_PER_REQUEST, "3000000", SettingParsers::gas);
    var deadline =
        in.optional(Setting.DEFAULT_DEADLINE_SECONDS, "1800", SettingParsers.seconds(60, 86_400));
    var deadlineMargin =
        in.optional(Setting.DEADLINE_MARGIN_SECONDS, "30", SettingParsers.seconds(0, 3_600));
    var revertWindow =
        in.optional(Setting.REVERT_WINDOW_SECONDS, "3600", SettingParsers.seconds(0, 604_800));
    var refuseAfter =
        in.optional(Setting.REVERTS_BEFORE_REFUSAL, "3", SettingParsers.integer(1, 1_000));
    var slowdown =
        in.optional(Setting.REVERT_SLOWDOWN_SECONDS, "300", SettingParsers.seconds(0, 86_400));
    if (deadline.isPresent()
        && deadlineMargin.isPresent()
        && deadlineMargin.get().compareTo(deadline.get()) >= 0) {
      in.problem(
          Setting.DEADLINE_MARGIN_SECONDS.label()
              + " must be shorter than "
              + Setting.DEFAULT_DEADLINE_SECONDS.label());
    }
    var settleWait = in.optional(Setting.SETTLE_WAIT_SECONDS, "30", SettingParsers.seconds(1, 600));
    var rpcTimeout = in.optional(Setting.RPC_TIMEOUT_SECONDS, "10", SettingParsers.seconds(1, 300));
    var cors = in.optional(Setting.CORS_ORIGINS, "", SettingParsers::origins);
    var grace = in.optional(Setting.RECEIPT_GRACE_SECONDS, "30", SettingParsers.seconds(1, 86_400));
    var keyCheck = in.optional(Setting.KEY_CHECK_SECONDS, "30", SettingParsers.seconds(1, 3_600));
    var laneLimit =
        in.optional(Setting.LANE_QUEUE_LIMIT, "1000", SettingParsers.integer(1, 1_000_000));
    var minimum =
        in.optional(Setting.MINIMUM_SETTLE_USDC, "0.001", SettingParsers::nonNegativeDecimal);
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
        rpcTimeout.orElseThrow(),
        cors.orElseThrow(),
        grace.orElseThrow(),
        keyCheck.orElseThrow(),
        laneLimit.orElseThrow().intValue(),
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
    var anonymous = in.optional(Setting.ANONYMOUS, "off", ApiSettings.Anonymous::parse);
    var perKey =
        in.optional(Setting.API_KEY_PER_MINUTE, "6000", SettingParsers.integer(1, 1_000_000));
    var refresh = in.optional(Setting.API_KEY_REFRESH_SECONDS, "2", SettingParsers.seconds(1, 300));
    var perIp = in.optional(Setting.IP_PER_MINUTE, "600", SettingParsers.integer(1, 1_000_000));
    var perAddress =
        in.optional(Setting.ADDRESS_PER_MINUTE, "300", SettingParsers.integer(1, 1_000_000));
    var proxies = in.optional(Setting.TRUSTED_PROXIES, "", TrustedProxies::parse);
    if (anonymous.isEmpty()
        || perKey.isEmpty()
        || refresh.isEmpty()
        || perIp.isEmpty()
        || perAddress.isEmpty()
        || proxies.isEmpty()) {
      return Optional.empty();
    }
    ApiSettings.RateLimits defaults = ApiSettings.RateLimits.defaults();
    return Optional.of(
        new ApiSettings.Access(
            anonymous.get(),
            new ApiSettings.RateLimits(
                ApiSettings.RateLimit.perMinute(perIp.get().intValue()),
                ApiSettings.RateLimit.perMinute(perKey.get().intValue()),
                ApiSettings.RateLimit.perMinute(perAddress.get().intValue()),
                defaults.faucetPerAddress()),
            proxies.get(),
            refresh.get()));
  }

  private static Optional<WebhookSettings> webhooks(SettingsReader in) {
    var lowBalance = in.optional(Setting.LOW_BALANCE_CRO, "1", SettingParsers::cro);
    var base =
        in.optional(Setting.WEBHOOK_RETRY_BASE_SECONDS, "5", SettingParsers.seconds(1, 3_600));
    var cap =
        in.optional(Setting.WEBHOOK_RETRY_MAX_SECONDS, "3600", SettingParsers.seconds(1, 86_400));
    var attempts = in.optional(Setting.WEBHOOK_MAX_ATTEMPTS, "16", SettingParsers.integer(1, 100));
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
    WebhookSettings defaults = WebhookSettings.defaults();
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
        .storeFile(store)
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
        .rpcTimeout(rpcTimeout)
        .receiptGrace(receiptGrace)
        .keyCheckInterval(keyCheckInterval)
        .laneQueueLimit(laneQueueLimit)
        .minimumSettleValue(minimumSettleUsdc)
        .webhooks(webhooks)
        .build();
  }
}
