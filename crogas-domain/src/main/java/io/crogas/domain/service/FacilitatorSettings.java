package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.X402Network;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The x402 facilitator's configuration.
 *
 * @param assets the EIP-3009 tokens it settles, by address
 * @param payees if not empty, the only payees it settles for
 * @param settleWait how long settle waits for a receipt before answering "pending" with the hash
 * @param validBeforeMarginSeconds an authorization must stay valid this long after verify (the
 *     reference implementation's 6 seconds: about three blocks of round trip)
 * @param minimumValue the smallest transfer it settles, in token units (e.g. {@code 0.001} USDC):
 *     each settlement costs the relayer a transaction, so dust is refused before any is sent
 */
public record FacilitatorSettings(
    X402Network network,
    Map<Address, TokenDomain> assets,
    Set<Address> payees,
    Duration settleWait,
    long validBeforeMarginSeconds,
    BigDecimal minimumValue) {
  /** 0.001 USDC: below this a settlement's gas is worth more than the payment. */
  public static final BigDecimal DEFAULT_MINIMUM_VALUE = new BigDecimal("0.001");

  public FacilitatorSettings {
    if (network == null || assets == null || payees == null || settleWait == null) {
      throw new IllegalArgumentException("network, assets, payees and settleWait are required");
    }
    if (minimumValue == null || minimumValue.signum() < 0) {
      throw new IllegalArgumentException("minimumValue must be zero or more");
    }
    assets = Map.copyOf(assets);
    payees = Set.copyOf(payees);
    assets.forEach(
        (address, token) -> {
          if (!address.equals(token.token()) || !token.chainId().equals(network.chainId())) {
            throw new IllegalArgumentException("asset " + address + " is misconfigured");
          }
        });
  }

  /** With the {@link #DEFAULT_MINIMUM_VALUE}. */
  public FacilitatorSettings(
      X402Network network,
      Map<Address, TokenDomain> assets,
      Set<Address> payees,
      Duration settleWait,
      long validBeforeMarginSeconds) {
    this(network, assets, payees, settleWait, validBeforeMarginSeconds, DEFAULT_MINIMUM_VALUE);
  }
}
