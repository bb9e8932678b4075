package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.X402Network;
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
 */
public record FacilitatorSettings(
    X402Network network,
    Map<Address, TokenDomain> assets,
    Set<Address> payees,
    Duration settleWait,
    long validBeforeMarginSeconds) {
  public FacilitatorSettings {
    if (network == null || assets == null || payees == null || settleWait == null) {
      throw new IllegalArgumentException("network, assets, payees and settleWait are required");
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
}
