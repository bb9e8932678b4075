package io.crogas.domain.model;

import java.util.Optional;
import java.util.stream.Stream;

/** How x402 names this chain: CAIP-2 in v2 ({@code eip155:338}), a short name in v1. */
public record X402Network(ChainId chainId) {
  public X402Network {
    if (chainId == null) {
      throw new IllegalArgumentException("chain id is required");
    }
  }

  public String v2Name() {
    return chainId.caip2();
  }

  /** {@code cronos-mainnet} / {@code cronos-testnet}; other chains have no v1 name. */
  public Optional<String> v1Name() {
    if (chainId.equals(ChainId.CRONOS_MAINNET)) {
      return Optional.of("cronos-mainnet");
    }
    if (chainId.equals(ChainId.CRONOS_TESTNET)) {
      return Optional.of("cronos-testnet");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code name} (either form) names this chain. Cronos mainnet is also {@code cronos}, as
   * the Cronos Labs sellers' guide spells it.
   */
  public boolean names(String name) {
    return v2Name().equals(name)
        || v1Name().filter(name::equals).isPresent()
        || (chainId.equals(ChainId.CRONOS_MAINNET) && "cronos".equals(name));
  }

  /**
   * The chain {@code name} names: CAIP-2 {@code eip155:N}, or a Cronos v1 name; empty for any other
   * name (non-EVM networks, unknown v1 names).
   */
  public static Optional<X402Network> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (name.matches("eip155:[1-9][0-9]{0,17}")) {
      return Optional.of(new X402Network(new ChainId(Long.parseLong(name.substring(7)))));
    }
    return Stream.of(ChainId.CRONOS_MAINNET, ChainId.CRONOS_TESTNET)
        .map(X402Network::new)
        .filter(network -> network.names(name))
        .findFirst();
  }
}
