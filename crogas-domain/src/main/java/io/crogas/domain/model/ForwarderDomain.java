package io.crogas.domain.model;

import io.crogas.eip712.Eip712Domain;

/**
 * The EIP-712 domain of the CroGas forwarder: {@code {name: "CroGas", version: "1", chainId,
 * verifyingContract: forwarder}}. A signature made for another chain or forwarder never verifies.
 */
public record ForwarderDomain(ChainId chainId, Address forwarder, Hash32 separator) {
  public static final String NAME = "CroGas";
  public static final String VERSION = "1";

  public ForwarderDomain {
    if (!separator.equals(compute(chainId, forwarder))) {
      throw new IllegalArgumentException("separator does not belong to this chain and forwarder");
    }
  }

  public static ForwarderDomain of(ChainId chainId, Address forwarder) {
    return new ForwarderDomain(chainId, forwarder, compute(chainId, forwarder));
  }

  public Eip712Domain eip712() {
    return Eip712Domain.of(NAME, VERSION, chainId.value(), forwarder.bytes());
  }

  private static Hash32 compute(ChainId chainId, Address forwarder) {
    return Hash32.of(
        Eip712Domain.of(NAME, VERSION, chainId.value(), forwarder.bytes()).separator());
  }
}
