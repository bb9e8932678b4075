package io.crogas.eip712;

import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak256 {
  /** Length of a Keccak-256 hash in bytes. */
  public static final int LENGTH = 32;

  private Keccak256() {}

  public static byte[] hash(byte[] input) {
    return hash(input, 0, input.length);
  }

  public static byte[] hash(byte[] input, int off, int len) {
    byte[] out = new byte[LENGTH];
    hash(input, off, len, out, 0);
    return out;
  }

  /** Hashes {@code input[off, off + len)} and writes the 32-byte hash to {@code out[outOff]}. */
  public static void hash(byte[] input, int off, int len, byte[] out, int outOff) {
    Objects.checkFromIndexSize(off, len, input.length);
    Objects.checkFromIndexSize(outOff, LENGTH, out.length);
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, off, len);
    digest.doFinal(out, outOff);
  }
}
