package io.crogas.http;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TokenDomain;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP adapter is configured with.
 *
 * @param chainId the chain this server relays on (names the x402 networks it supports)
 * @param forwarder the forwarder's address
 * @param usdc the fee token as the chain describes it
 * @param signers the relayer addresses that submit transactions (x402 {@code signers})
 * @param explorerTxUrl prefix a transaction hash is appended to, e.g. {@code
 *     https://explorer.cronos.org/testnet/tx/}; empty for a chain no public explorer shows (a local
 *     chain), whose answers then carry {@code explorerUrl: null}
 * @param facilitateWait how long {@code POST /x402/facilitate} waits for the chain before answering
 *     202 with the request's id
 * @param facilitatorFeeBps the configured fee rate, used to split a recorded charge into gas cost
 *     and fee in the step-7 answer (the journal keeps only the total)
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param corsOrigins origins allowed by CORS; {@code *} allows any; empty disables CORS
 * @param access who may call what (API keys, anonymous callers), the rate limits and the proxies
 *     whose {@code X-Forwarded-For} is believed
 * @param faucet whether {@code POST /faucet/usdc} mints, and how much
 * @param settleInFlightLimit how many x402 settles may wait for the chain at once; beyond it settle
 *     answers 503 with {@code Retry-After} at once (a slow chain then costs memory, never threads)
 */
public record ApiSettings(
    ChainId chainId,
    Address forwarder,
    TokenDomain usdc,
    List<Address> signers,
    Optional<String> explorerTxUrl,
    Duration facilitateWait,
    int facilitatorFeeBps,
    long maxBodyBytes,
    List<String> corsOrigins,
    Access access,
    FaucetSettings faucet,
    int settleInFlightLimit) {
  /** Settles waiting for the chain at once when nothing else is configured. */
  public static final int DEFAULT_SETTLE_IN_FLIGHT_LIMIT = 1_000;

  public ApiSettings {
    if (chainId == null
        || forwarder == null
        || usdc == null
        || signers == null
        || explorerTxUrl == null
        || facilitateWait == null
        || corsOrigins == null
        || access == null
        || faucet == null) {
      throw new IllegalArgumentException("every API setting is required");
    }
    if (!usdc.chainId().equals(chainId)) {
      throw new IllegalArgumentException("the fee token is on another chain");
    }
    if (facilitateWait.isNegative() || maxBodyBytes < 1024) {
      throw new IllegalArgumentException("wait must be >= 0 and the body limit >= 1 KiB");
    }
    if (settleInFlightLimit < 1) {
      throw new IllegalArgumentException("at least one settle must be allowed in flight");
    }
    if (facilitatorFeeBps < 0 || facilitatorFeeBps > 10_000) {
      throw new IllegalArgumentException("facilitator fee must be within 0..10000 bps");
    }
    if (faucet.enabled()
        && (faucet.defaultAmount().decimals() != usdc.decimals()
            || faucet.maxAmount().decimals() != usdc.decimals())) {
      throw new IllegalArgumentException("faucet amounts must have the token's decimals");
    }
    signers = List.copyOf(signers);
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** With the {@link #DEFAULT_SETTLE_IN_FLIGHT_LIMIT}. */
  public ApiSettings(
      ChainId chainId,
      Address forwarder,
      TokenDomain usdc,
      List<Address> signers,
      Optional<String> explorerTxUrl,
      Duration facilitateWait,
      int facilitatorFeeBps,
      long maxBodyBytes,
      List<String> corsOrigins,
      Access access,
      FaucetSettings faucet) {
    this(
        chainId,
        forwarder,
        usdc,
        signers,
        explorerTxUrl,
        facilitateWait,
        facilitatorFeeBps,
        maxBodyBytes,
        corsOrigins,
        access,
        faucet,
        DEFAULT_SETTLE_IN_FLIGHT_LIMIT);
  }

  /** These settings with other access rules and limits. */
  public ApiSettings withAccess(Access value) {
    return new ApiSettings(
        chainId,
        forwarder,
        usdc,
        signers,
        explorerTxUrl,
        facilitateWait,
        facilitatorFeeBps,
        maxBodyBytes,
        corsOrigins,
        value,
        faucet,
        settleInFlightLimit);
  }

  /**
   * At most {@code limit} requests per {@code window}, smoothly: a token bucket of {@code limit}
   * that refills over {@code window}, so a burst of {@code limit} passes and then one request per
   * {@code window / limit}.
   */
  public record RateLimit(int limit, Duration window) {
    public RateLimit {
      if (limit < 1 || window == null || window.toMillis() < 1) {
        throw new IllegalArgumentException("a rate limit needs limit >= 1 and a positive window");
      }
    }

    public static RateLimit perMinute(int limit) {
      return new RateLimit(limit, Duration.ofMinutes(1));
    }
  }

  /**
   * @param perIp every request that carries no API key, by client IP (IPv6 by its /64)
   * @param perApiKey every request of a key that has no limit of its own
   * @param perAddress new work per user address: relay requests accepted and x402 settlements sent,
   *     counted only once the signature proved the address's owner signed; an address over it gets
   *     429 on quote, facilitate and verify (settle is never refused for it: the merchant may have
   *     served the resource already)
   * @param faucetPerAddress faucet mints, by recipient
   */
  public record RateLimits(
      RateLimit perIp, RateLimit perApiKey, RateLimit perAddress, RateLimit faucetPerAddress) {
    public RateLimits {
      if (perIp == null || perApiKey == null || perAddress == null || faucetPerAddress == null) {
        throw new IllegalArgumentException("every rate limit is required");
      }
    }

    /**
     * 600 requests a minute per IP without a key, 6,000 per API key, 300 new relay requests or
     * settlements per address, 3 faucet mints an hour per recipient.
     */
    public static RateLimits defaults() {
      return new RateLimits(
          RateLimit.perMinute(600),
          RateLimit.perMinute(6_000),
          RateLimit.perMinute(300),
          new RateLimit(3, Duration.ofHours(1)));
    }
  }

  /** Which endpoints answer callers without an API key. */
  public enum Anonymous {
    /** None: every POST needs a key ({@code crogas serve}'s default). */
    OFF,
    /** The gasless relay (quote, facilitate, faucet) for wallets; x402 verify/settle need a key. */
    RELAY,
    /** Every endpoint ({@code crogas dev}). */
    ON;

    /** {@code off}, {@code relay} or {@code on}. */
    public static Anonymous parse(String text) {
      return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "off" -> OFF;
        case "relay" -> RELAY;
        case "on" -> ON;
        default -> throw new IllegalArgumentException("expected off, relay or on, got " + text);
      };
    }

    boolean allows(Audience audience) {
      return this == ON || (this == RELAY && audience == Audience.RELAY);
    }
  }

  /**
   * @param anonymous which endpoints answer without a key
   * @param limits the rate limits
   * @param trustedProxies the peers whose {@code X-Forwarded-For} names the client
   * @param apiKeyRefresh how often the keys are read again from the store: the longest a new key
   *     waits to work and a revoked one keeps working
   */
  public record Access(
      Anonymous anonymous,
      RateLimits limits,
      TrustedProxies trustedProxies,
      Duration apiKeyRefresh) {
    /** How often the keys are read again unless configured otherwise. */
    public static final Duration DEFAULT_API_KEY_REFRESH = Duration.ofSeconds(2);

    public Access {
      if (anonymous == null || limits == null || trustedProxies == null || apiKeyRefresh == null) {
        throw new IllegalArgumentException("every access setting is required");
      }
      if (apiKeyRefresh.toMillis() < 10) {
        throw new IllegalArgumentException("the API key refresh is at least 10 ms");
      }
    }

    /**
     * Everyone may call everything, within the default limits; no proxy trusted; keys read every 2
     * s. What {@code crogas dev} and embedded servers start with.
     */
    public static Access open() {
      return new Access(
          Anonymous.ON, RateLimits.defaults(), TrustedProxies.none(), DEFAULT_API_KEY_REFRESH);
    }

    public Access withAnonymous(Anonymous value) {
      return new Access(value, limits, trustedProxies, apiKeyRefresh);
    }

    public Access withLimits(RateLimits value) {
      return new Access(anonymous, value, trustedProxies, apiKeyRefresh);
    }

    public Access withTrustedProxies(TrustedProxies value) {
      return new Access(anonymous, limits, value, apiKeyRefresh);
    }

    public Access withApiKeyRefresh(Duration value) {
      return new Access(anonymous, limits, trustedProxies, value);
    }
  }

  /**
   * @param enabled only dev and testnet configurations mint
   * @param defaultAmount minted when the request names no amount
   * @param maxAmount the most one request may mint
   */
  public record FaucetSettings(boolean enabled, TokenAmount defaultAmount, TokenAmount maxAmount) {
    public FaucetSettings {
      if (defaultAmount == null || maxAmount == null || defaultAmount.compareTo(maxAmount) > 0) {
        throw new IllegalArgumentException("faucet amounts are required, default <= max");
      }
    }

    public static FaucetSettings disabled() {
      return new FaucetSettings(false, TokenAmount.usdc(0), TokenAmount.usdc(0));
    }
  }
}
