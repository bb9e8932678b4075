package io.crogas.chain;

import io.crogas.domain.model.Address;

/** Where the CroGas contracts were deployed. */
public record Deployment(Address usdc, Address forwarder, Address demoTarget) {
  public Deployment {
    if (usdc == null || forwarder == null || demoTarget == null) {
      throw new IllegalArgumentException("usdc, forwarder and demoTarget are required");
    }
  }
}
