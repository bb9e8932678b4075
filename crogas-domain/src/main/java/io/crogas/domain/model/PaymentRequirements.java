package io.crogas.domain.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What an x402 resource server asks for, normalised across protocol versions: v1's {@code
 * maxAmountRequired} and v2's {@code amount} both land in {@code amount}; {@code tokenName}/{@code
 * tokenVersion} are the EIP-712 domain from {@code extra}.
 */
public record PaymentRequirements(
    String scheme,
    String network,
    BigInteger amount,
    Address asset,
    Address payTo,
    long maxTimeoutSeconds,
    Optional<String> tokenName,
    Optional<String> tokenVersion) {
  public PaymentRequirements {
    if (scheme == null || network == null || amount == null || asset == null || payTo == null) {
      throw new IllegalArgumentException("scheme, network, amount, asset and payTo are required");
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
  }
}
