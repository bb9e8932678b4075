package io.crogas.domain.model;

import io.crogas.eip712.Hex;

/**
 * A 32-byte value: a Keccak-256 digest, a transaction hash, an EIP-3009 nonce or an API key's
 * SHA-256. Lowercase hex.
 */
public record Hash32(String hex) {
  public Hash32 {
    if (HexField.decode(hex, "a 32-byte hash").length != 32) {
      throw new IllegalArgumentException("a 32-byte hash has exactly 64 hex digits: " + hex);
    }
    hex = hex.toLowerCase(java.util.Locale.ROOT);
  }

  public static Hash32 of(byte[] bytes) {
    return new Hash32(Hex.encode(bytes));
  }

  public byte[] bytes() {
    return HexField.decode(hex, "a 32-byte hash");
  }

  @Override
  public String toString() {
    return hex;
  }
}
