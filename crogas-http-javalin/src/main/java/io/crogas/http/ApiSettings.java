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
 * @param limits per-IP and per-address rate limits
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
    RateLimits limits,
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
        || limits == null
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
      RateLimits limits,
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
        limits,
        faucet,
        DEFAULT_SETTLE_IN_FLIGHT_LIMIT);
  }

  /** A fixed-window limit: at most {@code limit} requests per {@code window}. */
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
   * @param perIp every request, by client IP
   * @param perAddress quotes and executions, by user address
   * @param faucetPerAddress faucet mints, by recipient
   */
  public record RateLimits(RateLimit perIp, RateLimit perAddress, RateLimit faucetPerAddress) {
    public RateLimits {
      if (perIp == null || perAddress == null || faucetPerAddress == null) {
        throw new IllegalArgumentException("every rate limit is required");
      }
    }

    /** 600 requests a minute per IP, 60 per address, 3 faucet mints an hour per address. */
    public static RateLimits defaults() {
      return new RateLimits(
          RateLimit.perMinute(600), RateLimit.perMinute(60), new RateLimit(3, Duration.ofHours(1)));
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
