package io.crogas.chain;

import io.crogas.domain.model.Address;
import java.util.List;

/**
 * What to deploy: the test token's ERC-20 name and symbol and EIP-712 version, and the forwarder's
 * fee recipient, owner and authorised relayers.
 */
public record DeploymentPlan(
    String tokenName,
    String tokenSymbol,
    String tokenVersion,
    Address feeRecipient,
    Address owner,
    List<Address> relayers) {
  public DeploymentPlan {
    if (tokenName == null || tokenSymbol == null || tokenVersion == null) {
      throw new IllegalArgumentException("token name, symbol and version are required");
    }
    if (feeRecipient == null || owner == null || relayers == null) {
      throw new IllegalArgumentException("feeRecipient, owner and relayers are required");
    }
    relayers = List.copyOf(relayers);
  }

  /** A test token that mirrors Cronos USDC.e's EIP-712 domain ("Bridged USDC (Stargate)", "1"). */
  public static DeploymentPlan mirroringCronosUsdc(
      Address feeRecipient, Address owner, List<Address> relayers) {
    return new DeploymentPlan(
        "Bridged USDC (Stargate)", "USDC.e", "1", feeRecipient, owner, relayers);
  }
}
