package io.crogas.secp256k1.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import io.crogas.eip712.SignatureFault;
import io.crogas.eip712.SignatureRecovery;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libsecp256k1 and BouncyCastle, each behind CroGas's rules, on signatures anvil made and on
 * hostile variants of them: the same signer, or the same fault, every time.
 */
class LibSecp256k1RecoveryTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final SignatureRecovery NATIVE =
      SignatureRecovery.using(new LibSecp256k1Recovery());
  private static final SignatureRecovery JAVA = SignatureRecovery.bouncyCastle();

  private static List<AnvilCorpus.Signed> corpus;

  @BeforeAll
  static void signCorpus() {
    corpus = AnvilCorpus.sign(200, 11);
  }

  @Test
  void givenThisModuleOnTheClassPath_whenAskingForTheActiveRecovery_thenItIsLibsecp256k1() {
    AnvilCorpus.Signed first = corpus.get(0);

    assertThat(SignatureRecovery.active().backend()).isEqualTo("libsecp256k1 (JNI)");
    assertThat(Secp256k1.recover(first.digest(), first.signature()))
        .isEqualTo(NATIVE.recover(first.digest(), first.signature()));
  }

  @Test
  void givenTwoHundredSignaturesByAnvil_whenBothBackendsRecover_thenBothFindAnvilsAccount() {
    for (AnvilCorpus.Signed signed : corpus) {
      int parity = (signed.signature()[64] & 0xff) - 27;
      for (byte[] signature : List.of(signed.signature(), signed.withV(parity))) {
        Recovery fromNative = NATIVE.recover(signed.digest(), signature);

        assertThat(fromNative).isEqualTo(JAVA.recover(signed.digest(), signature));
        assertThat(fromNative)
            .isInstanceOfSatisfying(
                Recovery.Recovered.class,
                recovered ->
                    assertThat(recovered.address()).isEqualToIgnoringCase(signed.signer()));
      }
    }
  }

  @Test
  void givenHostileVariantsOfAnvilsSignatures_whenBothBackendsRecover_thenBothGiveTheSameFault() {
    int checked = 0;
    for (AnvilCorpus.Signed signed : corpus) {
      for (Hostile hostile : hostileVariants(signed)) {
        Recovery fromNative = NATIVE.recover(signed.digest(), hostile.signature());

        assertThat(fromNative)
            .as(hostile.what())
            .isEqualTo(JAVA.recover(signed.digest(), hostile.signature()))
            .isInstanceOfSatisfying(
                Recovery.Rejected.class,
                rejected -> assertThat(rejected.fault()).isEqualTo(hostile.fault()));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(corpus.size() * 17);
  }

  @Test
  void givenRandomLowSSignatures_whenBothBackendsRecover_thenTheOutcomesAreIdentical() {
    Random random = new Random(256);
    int recovered = 0;
    int notRecoverable = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] digest = BigIntegers.asUnsignedByteArray(32, new BigInteger(256, random));
      BigInteger r = upTo(N.subtract(BigInteger.ONE), random);
      BigInteger s = upTo(N.shiftRight(1), random);
      byte[] signature = signature(r, s, 27 + random.nextInt(2));

      Recovery fromNative = NATIVE.recover(digest, signature);

      assertThat(fromNative).isEqualTo(JAVA.recover(digest, signature));
      if (fromNative instanceof Recovery.Recovered) {
        recovered++;
      } else {
        assertThat(((Recovery.Rejected) fromNative).fault())
            .isEqualTo(SignatureFault.NOT_RECOVERABLE);
        notRecoverable++;
      }
    }
    assertThat(recovered).isGreaterThan(400);
    assertThat(notRecoverable).isGreaterThan(400);
  }

  @Test
  void givenASignatureWhoseKeyIsThePointAtInfinity_whenBothBackendsRecover_thenNeitherFindsAKey() {
    for (AnvilCorpus.Signed signed : corpus.subList(0, 20)) {
      byte[] signature = infinitySignature(signed.digest(), new Random(signed.digest()[0]));

      Recovery fromNative = NATIVE.recover(signed.digest(), signature);

      assertThat(fromNative).isEqualTo(JAVA.recover(signed.digest(), signature));
      assertThat(((Recovery.Rejected) fromNative).fault())
          .isEqualTo(SignatureFault.NOT_RECOVERABLE);
    }
  }

  /** What a hostile client could send instead of anvil's signature, and the fault it deserves. */
  private record Hostile(String what, byte[] signature, SignatureFault fault) {}

  private static List<Hostile> hostileVariants(AnvilCorpus.Signed signed) {
    byte[] original = signed.signature();
    BigInteger r = new BigInteger(1, original, 0, 32);
    BigInteger s = new BigInteger(1, original, 32, 32);
    int v = original[64] & 0xff;
    BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    List<Hostile> variants = new ArrayList<>();
    variants.add(
        new Hostile("malleated twin", signature(r, N.subtract(s), 55 - v), SignatureFault.HIGH_S));
    for (int badV : new int[] {2, 26, 29, 30, 37, 255}) {
      variants.add(new Hostile("v = " + badV, signed.withV(badV), SignatureFault.BAD_V));
    }
    for (BigInteger badR : List.of(BigInteger.ZERO, N, max)) {
      variants.add(
          new Hostile("r = " + badR, signature(badR, s, v), SignatureFault.R_OUT_OF_RANGE));
    }
    for (BigInteger badS : List.of(BigInteger.ZERO, N, max)) {
      variants.add(
          new Hostile("s = " + badS, signature(r, badS, v), SignatureFault.S_OUT_OF_RANGE));
    }
    for (int length : new int[] {0, 64, 66}) {
      variants.add(
          new Hostile(
              length + " bytes", Arrays.copyOf(original, length), SignatureFault.WRONG_LENGTH));
    }
    // 5³ + 7 = 132 is no square modulo p: no point has x = 5.
    variants.add(
        new Hostile(
            "r = 5", signature(BigInteger.valueOf(5), s, v), SignatureFault.NOT_RECOVERABLE));
    return variants;
  }

  /**
   * A signature with r = x(kG) and s = e/k, so sR = eG and the recovered key r⁻¹(sR − eG) is the
   * point at infinity; the sign of k is chosen to keep s low.
   */
  private static byte[] infinitySignature(byte[] digest, Random random) {
    BigInteger e = new BigInteger(1, digest).mod(N);
    BigInteger k = upTo(N.subtract(BigInteger.ONE), random);
    ECPoint point = CURVE.getG().multiply(k).normalize();
    BigInteger r = point.getAffineXCoord().toBigInteger();
    BigInteger s = e.multiply(k.modInverse(N)).mod(N);
    boolean oddY = point.getAffineYCoord().testBitZero();
    if (s.compareTo(N.shiftRight(1)) > 0) {
      s = N.subtract(s);
      oddY = !oddY;
    }
    return signature(r, s, oddY ? 28 : 27);
  }

  private static byte[] signature(BigInteger r, BigInteger s, int v) {
    byte[] signature = new byte[65];
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, signature, 0, 32);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, signature, 32, 32);
    signature[64] = (byte) v;
    return signature;
  }

  /** Uniform in [1, max]. */
  private static BigInteger upTo(BigInteger max, Random random) {
    while (true) {
      BigInteger candidate = new BigInteger(max.bitLength(), random);
      if (candidate.signum() > 0 && candidate.compareTo(max) <= 0) {
        return candidate;
      }
    }
  }
}
