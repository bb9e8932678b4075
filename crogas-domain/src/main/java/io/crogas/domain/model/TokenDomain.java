package io.crogas.domain.model;

import io.crogas.eip712.Eip712Domain;

/**
 * An EIP-3009 token as the chain describes it: its EIP-712 name and version (read from the chain,
 * e.g. "Bridged USDC (Stargate)" on Cronos), address, decimals and domain separator.
 */
public record TokenDomain(
    String name, String version, ChainId chainId, Address token, int decimals, Hash32 separator) {
  public TokenDomain {
    if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
      throw new IllegalArgumentException("a token domain needs its EIP-712 name and version");
    }
    if (!separator.equals(compute(name, version, chainId, token))) {
      throw new IllegalArgumentException(
          "token DOMAIN_SEPARATOR does not match name/version/chainId/address: " + token);
    }
  }

  public static TokenDomain of(
      String name, String version, ChainId chainId, Address token, int decimals) {
    return new TokenDomain(
        name, version, chainId, token, decimals, compute(name, version, chainId, token));
  }

  public Eip712Domain eip712() {
    return Eip712Domain.of(name, version, chainId.value(), token.bytes());
  }

  private static Hash32 compute(String name, String version, ChainId chainId, Address token) {
    return Hash32.of(Eip712Domain.of(name, version, chainId.value(), token.bytes()).separator());
  }
}
