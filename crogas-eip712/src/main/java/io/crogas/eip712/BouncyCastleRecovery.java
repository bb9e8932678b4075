package io.crogas.eip712;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** Pure-Java recovery on BouncyCastle's secp256k1: the fallback, always available. */
final class BouncyCastleRecovery implements RecoveryBackend {
  private static final int WORD = Words.WORD;

  @Override
  public String name() {
    return "BouncyCastle (pure Java)";
  }

  /** Q = r⁻¹(sR − eG), computed as one two-scalar multiplication. */
  @Override
  public Optional<byte[]> recoverPublicKey(byte[] digest32, byte[] rs64, int recoveryId) {
    BigInteger r = new BigInteger(1, rs64, 0, WORD);
    BigInteger s = new BigInteger(1, rs64, WORD, WORD);
    return ephemeralPoint(r, recoveryId == 1)
        .map(
            R -> {
              BigInteger n = Secp256k1.N;
              BigInteger e = new BigInteger(1, digest32);
              BigInteger rInverse = BigIntegers.modOddInverse(n, r);
              BigInteger u1 = n.subtract(e.multiply(rInverse).mod(n)).mod(n);
              BigInteger u2 = s.multiply(rInverse).mod(n);
              return ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, u1, R, u2).normalize();
            })
        .filter(q -> !q.isInfinity())
        .map(q -> q.getEncoded(false));
  }

  /** The curve point with x = r and the given y parity, if r is an x coordinate (y² = x³ + 7). */
  private static Optional<ECPoint> ephemeralPoint(BigInteger r, boolean oddY) {
    ECFieldElement x = Secp256k1.CURVE.fromBigInteger(r);
    ECFieldElement y = x.square().multiply(x).add(Secp256k1.CURVE.getB()).sqrt();
    if (y == null) {
      return Optional.empty();
    }
    if (y.testBitZero() != oddY) {
      y = y.negate();
    }
    return Optional.of(Secp256k1.CURVE.createPoint(r, y.toBigInteger()));
  }
}
