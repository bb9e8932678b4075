package io.crogas.domain.model;

/** An EIP-3009 authorization together with the payer's signature over it. */
public record SignedAuthorization(TransferAuthorization authorization, Signature signature) {
  public SignedAuthorization {
    if (authorization == null || signature == null) {
      throw new IllegalArgumentException("authorization and signature are required");
    }
  }
}
