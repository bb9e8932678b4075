package io.crogas.eip712;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secp256k1 ECDSA signature in Ethereum's form.
 *
 * @param v 27 or 28, the parity of the ephemeral point's y coordinate plus 27
 */
public record EcdsaSignature(BigInteger r, BigInteger s, int v) {
  /** Length of {@link #toBytes()}. */
  public static final int LENGTH = 65;

  public EcdsaSignature {
    checkScalar(r, "r");
    checkScalar(s, "s");
    if (v != 27 && v != 28) {
      throw new IllegalArgumentException("v must be 27 or 28, got " + v);
    }
  }

  /** {@code r ‖ s ‖ v}: 65 bytes, r and s big-endian in 32 bytes each. */
  public byte[] toBytes() {
    byte[] out = new byte[LENGTH];
    Words.putInteger(r, out, 0);
    Words.putInteger(s, out, Words.WORD);
    out[LENGTH - 1] = (byte) v;
    return out;
  }

  /** {@code 0x}-hex of {@link #toBytes()}, as JSON-RPC returns signatures. */
  public String toHex() {
    return Hex.encode(toBytes());
  }

  /**
   * Reads {@code r ‖ s ‖ v} with v in {27, 28} or {0, 1}. Does not check r and s against the curve
   * order; {@link Secp256k1#recover} does.
   */
  public static EcdsaSignature fromBytes(byte[] signature65) {
    if (signature65 == null || signature65.length != LENGTH) {
      throw new IllegalArgumentException(
          "a signature is 65 bytes, got " + (signature65 == null ? "null" : signature65.length));
    }
    int v = signature65[LENGTH - 1] & 0xff;
    return new EcdsaSignature(
        new BigInteger(1, Arrays.copyOfRange(signature65, 0, Words.WORD)),
        new BigInteger(1, Arrays.copyOfRange(signature65, Words.WORD, 2 * Words.WORD)),
        v < 27 ? v + 27 : v);
  }

  private static void checkScalar(BigInteger value, String name) {
    if (value == null || value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException(
          name + " must be a 256-bit unsigned integer, got " + value);
    }
  }
}
