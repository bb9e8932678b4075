package io.crogas.eip712;

import java.math.BigInteger;

/** Writes ABI words: 32 bytes, integers big-endian and sign-extended, addresses left-padded. */
final class Words {
  static final int WORD = 32;

  private Words() {}

  /** Writes {@code value} as a 256-bit two's complement integer; the caller checks its range. */
  static void putInteger(BigInteger value, byte[] out, int off) {
    if (value.bitLength() <= 63) {
      putLong(value.longValue(), out, off);
      return;
    }
    byte[] bytes = value.toByteArray();
    int len = Math.min(bytes.length, WORD);
    byte fill = value.signum() < 0 ? (byte) 0xff : 0;
    for (int i = 0; i < WORD - len; i++) {
      out[off + i] = fill;
    }
    System.arraycopy(bytes, bytes.length - len, out, off + WORD - len, len);
  }

  static void putLong(long value, byte[] out, int off) {
    byte fill = value < 0 ? (byte) 0xff : 0;
    for (int i = 0; i < WORD - 8; i++) {
      out[off + i] = fill;
    }
    for (int i = 0; i < 8; i++) {
      out[off + WORD - 1 - i] = (byte) (value >>> (8 * i));
    }
  }

  /** Writes a 20-byte address right-aligned in a zeroed word. */
  static void putAddress(byte[] address20, byte[] out, int off) {
    for (int i = 0; i < WORD - 20; i++) {
      out[off + i] = 0;
    }
    System.arraycopy(address20, 0, out, off + WORD - 20, 20);
  }

  /** Writes up to 32 bytes left-aligned, zero-padded on the right (bytesN, bool as 1 byte). */
  static void putLeftAligned(byte[] bytes, byte[] out, int off) {
    System.arraycopy(bytes, 0, out, off, bytes.length);
    for (int i = bytes.length; i < WORD; i++) {
      out[off + i] = 0;
    }
  }
}
