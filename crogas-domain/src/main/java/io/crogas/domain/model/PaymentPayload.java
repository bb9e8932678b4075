package io.crogas.domain.model;

/**
 * A payer's x402 {@code exact} payment, normalised across protocol versions and the Cronos Labs
 * format: the version spoken, the scheme and network it claims, and the signed EIP-3009 {@code
 * TransferWithAuthorization}.
 */
public record PaymentPayload(
    int x402Version, String scheme, String network, SignedAuthorization payment) {
  public PaymentPayload {
    if (x402Version != 1 && x402Version != 2) {
      throw new IllegalArgumentException("x402Version must be 1 or 2: " + x402Version);
    }
    if (scheme == null || network == null || payment == null) {
      throw new IllegalArgumentException("scheme, network and payment are required");
    }
  }

  public Address payer() {
    return payment.authorization().from();
  }
}
