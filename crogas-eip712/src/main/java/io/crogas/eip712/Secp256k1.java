package io.crogas.eip712;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 ECDSA as Ethereum uses it: deterministic signing (RFC 6979 with HMAC-SHA256), low-s
 * normalisation (EIP-2), v = 27 + y-parity, and public-key recovery to a 20-byte address.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger N = PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final FixedPointCombMultiplier FIXED_POINT = new FixedPointCombMultiplier();
  private static final int WORD = Words.WORD;

  private Secp256k1() {}

  /**
   * Signs a 32-byte digest: RFC 6979 deterministic nonce, s normalised to the lower half of the
   * order, v 27 or 28.
   */
  public static EcdsaSignature sign(byte[] digest32, BigInteger privateKey) {
    checkDigest(digest32);
    checkPrivateKey(privateKey);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, privateKey, digest32);
    BigInteger e = new BigInteger(1, digest32);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint ephemeral = FIXED_POINT.multiply(G, k).normalize();
      BigInteger x = ephemeral.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(privateKey.multiply(r))).mod(N);
      // x >= n would need v = 29/30, which Ethereum cannot express (probability ~2^-128).
      if (r.signum() == 0 || s.signum() == 0 || x.compareTo(N) >= 0) {
        continue;
      }
      boolean oddY = ephemeral.getAffineYCoord().testBitZero();
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s);
        oddY = !oddY;
      }
      return new EcdsaSignature(r, s, oddY ? 28 : 27);
    }
  }

  /**
   * Recovers the signer's address. Accepts v as 0/1 or 27/28; rejects anything else, r or s outside
   * [1, n-1], s above n/2, and an r that is no point's x coordinate.
   */
  public static Recovery recover(byte[] digest32, byte[] signature65) {
    checkDigest(digest32);
    if (signature65 == null || signature65.length != EcdsaSignature.LENGTH) {
      return rejected(
          SignatureFault.WRONG_LENGTH,
          "a signature is 65 bytes, got " + (signature65 == null ? "null" : signature65.length));
    }
    int v = signature65[2 * WORD] & 0xff;
    int parity = v >= 27 ? v - 27 : v;
    if (parity != 0 && parity != 1) {
      return rejected(SignatureFault.BAD_V, "v must be 0, 1, 27 or 28, got " + v);
    }
    BigInteger r = new BigInteger(1, signature65, 0, WORD);
    BigInteger s = new BigInteger(1, signature65, WORD, WORD);
    if (r.signum() == 0 || r.compareTo(N) >= 0) {
      return rejected(SignatureFault.R_OUT_OF_RANGE, "r must be in [1, n-1]");
    }
    if (s.signum() == 0 || s.compareTo(N) >= 0) {
      return rejected(SignatureFault.S_OUT_OF_RANGE, "s must be in [1, n-1]");
    }
    if (s.compareTo(HALF_N) > 0) {
      return rejected(SignatureFault.HIGH_S, "s is above n/2 (malleable signature, EIP-2)");
    }
    return recoverPoint(r, parity == 1)
        .map(ephemeral -> recoverKey(digest32, r, s, ephemeral))
        .orElseGet(() -> rejected(SignatureFault.NOT_RECOVERABLE, "no curve point has x = r"));
  }

  /** The 20-byte Ethereum address of a private key. */
  public static byte[] address(BigInteger privateKey) {
    checkPrivateKey(privateKey);
    return addressOf(FIXED_POINT.multiply(G, privateKey).normalize());
  }

  /** Q = r⁻¹(sR − eG), computed as one two-scalar multiplication. */
  private static Recovery recoverKey(byte[] digest32, BigInteger r, BigInteger s, ECPoint R) {
    BigInteger e = new BigInteger(1, digest32);
    BigInteger rInverse = BigIntegers.modOddInverse(N, r);
    BigInteger u1 = N.subtract(e.multiply(rInverse).mod(N)).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, R, u2).normalize();
    if (q.isInfinity()) {
      return rejected(SignatureFault.NOT_RECOVERABLE, "the recovered key is the point at infinity");
    }
    return new Recovery.Recovered(addressOf(q));
  }

  /** The curve point with x = r and the given y parity, if r is an x coordinate (y² = x³ + 7). */
  private static Optional<ECPoint> recoverPoint(BigInteger r, boolean oddY) {
    ECFieldElement x = CURVE.fromBigInteger(r);
    ECFieldElement y = x.square().multiply(x).add(CURVE.getB()).sqrt();
    if (y == null) {
      return Optional.empty();
    }
    if (y.testBitZero() != oddY) {
      y = y.negate();
    }
    return Optional.of(CURVE.createPoint(r, y.toBigInteger()));
  }

  private static byte[] addressOf(ECPoint publicKey) {
    byte[] encoded = publicKey.getEncoded(false);
    byte[] hash = Keccak256.hash(encoded, 1, encoded.length - 1);
    return Arrays.copyOfRange(hash, WORD - Eip55.ADDRESS_LENGTH, WORD);
  }

  private static Recovery rejected(SignatureFault fault, String message) {
    return new Recovery.Rejected(fault, message);
  }

  private static void checkDigest(byte[] digest32) {
    if (digest32 == null || digest32.length != WORD) {
      throw new IllegalArgumentException(
          "a digest is 32 bytes, got " + (digest32 == null ? "null" : digest32.length));
    }
  }

  private static void checkPrivateKey(BigInteger privateKey) {
    if (privateKey == null || privateKey.signum() <= 0 || privateKey.compareTo(N) >= 0) {
      throw new IllegalArgumentException("a private key must be in [1, n-1]");
    }
  }
}
