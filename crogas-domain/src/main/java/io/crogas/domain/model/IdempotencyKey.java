package io.crogas.domain.model;

/**
 * What makes two submissions "the same": a meta-transaction's EIP-712 digest on a chain, or an x402
 * payment's (chain, asset, payer, EIP-3009 nonce). The second submission gets the first one's
 * result.
 */
public record IdempotencyKey(String value) {
  public IdempotencyKey {
    if (value == null || value.isBlank() || value.length() > 256) {
      throw new IllegalArgumentException("idempotency key must be 1-256 characters");
    }
  }

  public static IdempotencyKey metaTransaction(ChainId chain, Address user, Hash32 digest) {
    return new IdempotencyKey("meta:" + chain.value() + ":" + user.value() + ":" + digest.hex());
  }

  public static IdempotencyKey payment(ChainId chain, Address asset, Address payer, Hash32 nonce) {
    return new IdempotencyKey(
        "x402:" + chain.value() + ":" + asset.value() + ":" + payer.value() + ":" + nonce.hex());
  }
}
