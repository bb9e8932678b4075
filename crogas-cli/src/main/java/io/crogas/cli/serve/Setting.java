package io.crogas.cli.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting {@code crogas serve} reads: an environment variable {@code CROGAS_...} or the same
 * key in a properties file in lower-case dotted form ({@code CROGAS_RPC_URL} = {@code
 * crogas.rpc.url}). docs/configuration.md describes each.
 */
public enum Setting {
  NETWORK,
  RPC_URL,
  CHAIN_ID,
  GAS_PRICING,
  FORWARDER,
  USDC,
  KEYSTORES,
  KEYSTORE_PASSWORD_FILE,
  KEYSTORE_PASSWORD_ENV,
  HOST,
  PORT,
  STORE,
  STORE_PREFIX,
  PRICE_USD,
  PRICE_SOURCES,
  PRICE_MIN_SOURCES,
  PRICE_MAX_DEVIATION_BPS,
  PRICE_MAX_AGE_SECONDS,
  PRICE_POLL_SECONDS,
  PRICE_CRYPTOCOM_URL,
  PRICE_COINGECKO_URL,
  PRICE_COINGECKO_KEY,
  FEE_BPS,
  GAS_MARGIN_PERCENT,
  QUOTE_TTL_SECONDS,
  TIERS,
  ALLOW_TARGETS,
  DENY_TARGETS,
  PAYEES,
  MAX_GAS_PER_REQUEST,
  DEFAULT_DEADLINE_SECONDS,
  DEADLINE_MARGIN_SECONDS,
  REVERT_WINDOW_SECONDS,
  REVERTS_BEFORE_REFUSAL,
  REVERT_SLOWDOWN_SECONDS,
  SETTLE_WAIT_SECONDS,
  SETTLE_IN_FLIGHT_LIMIT,
  RPC_TIMEOUT_SECONDS,
  CORS_ORIGINS,
  RECEIPT_GRACE_SECONDS,
  KEY_CHECK_SECONDS,
  LANE_QUEUE_LIMIT,
  INSTANCE_ID,
  LEASE_TTL_SECONDS,
  EXPLORER_TX_URL,
  MINIMUM_SETTLE_USDC,
  METRICS_TOKEN,
  ANONYMOUS,
  API_KEY_PER_MINUTE,
  API_KEY_REFRESH_SECONDS,
  IP_PER_MINUTE,
  ADDRESS_PER_MINUTE,
  TRUSTED_PROXIES,
  LOW_BALANCE_CRO,
  WEBHOOK_RETRY_BASE_SECONDS,
  WEBHOOK_RETRY_MAX_SECONDS,
  WEBHOOK_MAX_ATTEMPTS;

  /** {@code CROGAS_RPC_URL}. */
  public String variable() {
    return "CROGAS_" + name();
  }

  /** {@code crogas.rpc.url}. */
  public String property() {
    return variable().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** How errors name it: {@code CROGAS_RPC_URL (crogas.rpc.url)}. */
  public String label() {
    return variable() + " (" + property() + ")";
  }

  static Optional<Setting> ofProperty(String key) {
    return Arrays.stream(values()).filter(setting -> setting.property().equals(key)).findFirst();
  }
}
