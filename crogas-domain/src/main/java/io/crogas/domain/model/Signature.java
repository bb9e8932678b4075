package io.crogas.domain.model;

import io.crogas.eip712.Hex;
import java.util.Locale;

/** A 65-byte secp256k1 signature r ‖ s ‖ v as produced by eth_signTypedData_v4. */
public record Signature(String hex) {
  public Signature {
    if (HexField.decode(hex, "signature").length != 65) {
      throw new IllegalArgumentException("a signature is exactly 65 bytes (130 hex digits)");
    }
    hex = hex.toLowerCase(Locale.ROOT);
  }

  public static Signature of(byte[] bytes) {
    return new Signature(Hex.encode(bytes));
  }

  public byte[] bytes() {
    return HexField.decode(hex, "signature");
  }

  @Override
  public String toString() {
    return hex;
  }
}
