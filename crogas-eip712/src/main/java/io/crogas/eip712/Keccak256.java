package io.crogas.eip712;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding {@code 0x01}, not NIST SHA3-256's
 * {@code 0x06}). A one-shot sponge over Keccak-f[1600]: input lanes are read straight from the
 * caller's array and the whole state lives in local variables, so hashing allocates nothing.
 */
public final class Keccak256 {
  /** Length of a Keccak-256 hash in bytes. */
  public static final int LENGTH = 32;

  /** Bytes absorbed per permutation: 1600 bits of state minus twice the 256-bit capacity. */
  private static final int RATE = 136;

  private static final int RATE_LANES = RATE / 8;

  /** The last bit of pad10*1, in the last byte of the rate. */
  private static final long END_BIT = 0x8000000000000000L;

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

  /**
   * Hashes {@code input[off, off + len)} and writes the 32-byte hash to {@code out[outOff]}.
   *
   * <p>The whole sponge state stays in the 25 local lanes from the first block to the output:
   * nothing is stored to a state array and read back in another method. That shape, a fresh {@code
   * long[25]} filled here and permuted in a separate method, was miscompiled by HotSpot 17's C2 in
   * long-running JVMs: the absorbed lanes were lost and the "hash" of every input became the
   * permutation of the zero state (docs/benchmarks.md, "Keccak-256 and HotSpot's C2").
   */
  public static void hash(byte[] input, int off, int len, byte[] out, int outOff) {
    Objects.checkFromIndexSize(off, len, input.length);
    Objects.checkFromIndexSize(outOff, LENGTH, out.length);
    long a00 = 0, a01 = 0, a02 = 0, a03 = 0, a04 = 0;
    long a05 = 0, a06 = 0, a07 = 0, a08 = 0, a09 = 0;
    long a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0;
    long a15 = 0, a16 = 0, a17 = 0, a18 = 0, a19 = 0;
    long a20 = 0, a21 = 0, a22 = 0, a23 = 0, a24 = 0;
    int end = off + len;
    int position = off;
    int remaining;
    do {
      remaining = end - position;
      a00 ^= lane(input, position, remaining, 0);
      a01 ^= lane(input, position, remaining, 1);
      a02 ^= lane(input, position, remaining, 2);
      a03 ^= lane(input, position, remaining, 3);
      a04 ^= lane(input, position, remaining, 4);
      a05 ^= lane(input, position, remaining, 5);
      a06 ^= lane(input, position, remaining, 6);
      a07 ^= lane(input, position, remaining, 7);
      a08 ^= lane(input, position, remaining, 8);
      a09 ^= lane(input, position, remaining, 9);
      a10 ^= lane(input, position, remaining, 10);
      a11 ^= lane(input, position, remaining, 11);
      a12 ^= lane(input, position, remaining, 12);
      a13 ^= lane(input, position, remaining, 13);
      a14 ^= lane(input, position, remaining, 14);
      a15 ^= lane(input, position, remaining, 15);
      a16 ^= lane(input, position, remaining, 16);
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
      position += RATE;
    } while (remaining >= RATE);
    LANE.set(out, outOff, a00);
    LANE.set(out, outOff + 8, a01);
    LANE.set(out, outOff + 16, a02);
    LANE.set(out, outOff + 24, a03);
  }

  /**
   * Lane {@code i} of the block at {@code position} with {@code remaining} input bytes from there:
   * eight input bytes when the block is full; for the last block ({@code remaining < RATE}) the
   * input bytes it holds plus Keccak's pad10*1 (0x01 after the input, 0x80 in the block's last
   * byte).
   */
  private static long lane(byte[] input, int position, int remaining, int i) {
    int first = 8 * i;
    if (remaining >= first + 8) {
      return (long) LANE.get(input, position + first);
    }
    // Past the input's last whole lane, so this is the last block.
    long value = 0;
    for (int j = 0; first + j < remaining; j++) {
      value |= (input[position + first + j] & 0xffL) << (8 * j);
    }
    if (remaining >= first) {
      value ^= 1L << (8 * (remaining - first));
    }
    return i == RATE_LANES - 1 ? value ^ END_BIT : value;
  }
}
