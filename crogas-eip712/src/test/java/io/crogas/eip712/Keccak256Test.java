package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
  @Test
  void givenTheEmptyInput_whenHashing_thenEthereumsEmptyHashComesOut() {
    assertThat(Hex.encode(Keccak256.hash(new byte[0])))
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void givenAFunctionSignature_whenHashing_thenItsKnownSelectorLeads() {
    byte[] hash = Keccak256.hash("transfer(address,uint256)".getBytes(StandardCharsets.US_ASCII));

    assertThat(Hex.encode(Arrays.copyOf(hash, 4))).isEqualTo("0xa9059cbb");
  }

  @Test
  void givenEveryLengthAcrossFiveBlocks_whenHashing_thenBouncyCastlesKeccakAgrees() {
    Random random = new Random(256);
    for (int length = 0; length <= 5 * 136 + 1; length++) {
      byte[] input = new byte[length + 7];
      random.nextBytes(input);

      assertThat(Keccak256.hash(input, 3, length))
          .as("length %d", length)
          .isEqualTo(bouncyCastle(input, 3, length));
    }
  }

  @Test
  void givenAnOutputOffset_whenHashingInPlace_thenOnlyThoseBytesAreWritten() {
    byte[] out = new byte[40];
    Arrays.fill(out, (byte) 7);

    Keccak256.hash(new byte[0], 0, 0, out, 4);

    assertThat(Arrays.copyOfRange(out, 4, 36)).isEqualTo(Keccak256.hash(new byte[0]));
    assertThat(out[3]).isEqualTo((byte) 7);
    assertThat(out[36]).isEqualTo((byte) 7);
  }

  @Test
  void givenARangeOutsideTheArray_whenHashing_thenItIsRefused() {
    assertThatThrownBy(() -> Keccak256.hash(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Keccak256.hash(new byte[4], 0, 4, new byte[32], 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static byte[] bouncyCastle(byte[] input, int off, int len) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, off, len);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
