package io.crogas.eip712;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding {@code 0x01}, not NIST SHA3-256's
 * {@code 0x06}). A one-shot sponge over Keccak-f[1600]: input lanes are read straight from the
 * caller's array and the permutation runs on local variables, so hashing allocates only the state.
 */
public final class Keccak256 {
  /** Length of a Keccak-256 hash in bytes. */
  public static final int LENGTH = 32;

  /** Bytes absorbed per permutation: 1600 bits of state minus twice the 256-bit capacity. */
  private static final int RATE = 136;

  private static final int RATE_LANES = RATE / 8;
  private static final VarHandle LANE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

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
    long[] state = new long[25];
    int end = off + len;
    int position = off;
    while (end - position >= RATE) {
      for (int i = 0; i < RATE_LANES; i++) {
        state[i] ^= (long) LANE.get(input, position + 8 * i);
      }
      permute(state);
      position += RATE;
    }
    absorbLastBlock(state, input, position, end - position);
    permute(state);
    for (int i = 0; i < LENGTH / 8; i++) {
      LANE.set(out, outOff + 8 * i, state[i]);
    }
  }

  /** Absorbs the final {@code remaining < RATE} bytes with Keccak's pad10*1 (first bit 0x01). */
  private static void absorbLastBlock(long[] state, byte[] input, int off, int remaining) {
    int lanes = remaining >>> 3;
    for (int i = 0; i < lanes; i++) {
      state[i] ^= (long) LANE.get(input, off + 8 * i);
    }
    int tail = remaining & 7;
    long last = 0;
    for (int j = 0; j < tail; j++) {
      last |= (input[off + 8 * lanes + j] & 0xffL) << (8 * j);
    }
    state[lanes] ^= last ^ (1L << (8 * tail));
    state[RATE_LANES - 1] ^= 0x8000000000000000L;
  }

  /**
   * Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota on lanes {@code a[x + 5y]}. Each
   * round computes b[y, 2x + 3y] = rot(a[x, y] ^ d[x], r[x, y]), then a = b ^ (~b[x+1] & b[x+2]).
   */
  private static void permute(long[] state) {
    long a00 = state[0], a01 = state[1], a02 = state[2], a03 = state[3], a04 = state[4];
    long a05 = state[5], a06 = state[6], a07 = state[7], a08 = state[8], a09 = state[9];
    long a10 = state[10], a11 = state[11], a12 = state[12], a13 = state[13], a14 = state[14];
    long a15 = state[15], a16 = state[16], a17 = state[17], a18 = state[18], a19 = state[19];
    long a20 = state[20], a21 = state[21], a22 = state[22], a23 = state[23], a24 = state[24];
    for (int round = 0; round < 24; round++) {
      long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
      long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
      long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
      long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
      long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      long b00 = a00 ^ d0;
      long b10 = Long.rotateLeft(a01 ^ d1, 1);
      long b20 = Long.rotateLeft(a02 ^ d2, 62);
      long b05 = Long.rotateLeft(a03 ^ d3, 28);
      long b15 = Long.rotateLeft(a04 ^ d4, 27);
      long b16 = Long.rotateLeft(a05 ^ d0, 36);
      long b01 = Long.rotateLeft(a06 ^ d1, 44);
      long b11 = Long.rotateLeft(a07 ^ d2, 6);
      long b21 = Long.rotateLeft(a08 ^ d3, 55);
      long b06 = Long.rotateLeft(a09 ^ d4, 20);
      long b07 = Long.rotateLeft(a10 ^ d0, 3);
      long b17 = Long.rotateLeft(a11 ^ d1, 10);
      long b02 = Long.rotateLeft(a12 ^ d2, 43);
      long b12 = Long.rotateLeft(a13 ^ d3, 25);
      long b22 = Long.rotateLeft(a14 ^ d4, 39);
      long b23 = Long.rotateLeft(a15 ^ d0, 41);
      long b08 = Long.rotateLeft(a16 ^ d1, 45);
      long b18 = Long.rotateLeft(a17 ^ d2, 15);
      long b03 = Long.rotateLeft(a18 ^ d3, 21);
      long b13 = Long.rotateLeft(a19 ^ d4, 8);
      long b14 = Long.rotateLeft(a20 ^ d0, 18);
      long b24 = Long.rotateLeft(a21 ^ d1, 2);
      long b09 = Long.rotateLeft(a22 ^ d2, 61);
      long b19 = Long.rotateLeft(a23 ^ d3, 56);
      long b04 = Long.rotateLeft(a24 ^ d4, 14);
      a00 = b00 ^ (~b01 & b02);
      a01 = b01 ^ (~b02 & b03);
      a02 = b02 ^ (~b03 & b04);
      a03 = b03 ^ (~b04 & b00);
      a04 = b04 ^ (~b00 & b01);
      a05 = b05 ^ (~b06 & b07);
      a06 = b06 ^ (~b07 & b08);
      a07 = b07 ^ (~b08 & b09);
      a08 = b08 ^ (~b09 & b05);
      a09 = b09 ^ (~b05 & b06);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      a00 ^= ROUND_CONSTANTS[round];
    }
    state[0] = a00;
    state[1] = a01;
    state[2] = a02;
    state[3] = a03;
    state[4] = a04;
    state[5] = a05;
    state[6] = a06;
    state[7] = a07;
    state[8] = a08;
    state[9] = a09;
    state[10] = a10;
    state[11] = a11;
    state[12] = a12;
    state[13] = a13;
    state[14] = a14;
    state[15] = a15;
    state[16] = a16;
    state[17] = a17;
    state[18] = a18;
    state[19] = a19;
    state[20] = a20;
    state[21] = a21;
    state[22] = a22;
    state[23] = a23;
    state[24] = a24;
  }
}
