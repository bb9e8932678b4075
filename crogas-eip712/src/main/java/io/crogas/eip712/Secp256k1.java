package io.crogas.eip712;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 ECDSA as Ethereum uses it: deterministic signing (RFC 6979 with HMAC-SHA256), low-s
 * normalisation (EIP-2), v = 27 + y-parity, and public-key recovery to a 20-byte address.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECCurve CURVE = PARAMS.getCurve();
  static final ECPoint G = PARAMS.getG();
  static final BigInteger N = PARAMS.getN();
  static final BigInteger HALF_N = N.shiftRight(1);
  private static final int UNCOMPRESSED_KEY_LENGTH = 65;
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
   * Recovers the signer's address with {@link SignatureRecovery#active()}. Accepts v as 0/1 or
   * 27/28; rejects anything else, r or s outside [1, n-1], s above n/2, and an r that is no point's
   * x coordinate.
   */
  public static Recovery recover(byte[] digest32, byte[] signature65) {
    return SignatureRecovery.active().recover(digest32, signature65);
  }

  /** The 20-byte Ethereum address of a private key. */
  public static byte[] address(BigInteger privateKey) {
    checkPrivateKey(privateKey);
    return addressOf(FIXED_POINT.multiply(G, privateKey).normalize().getEncoded(false));
  }

  /** The address of an uncompressed SEC 1 public key ({@code 0x04 ‖ x ‖ y}). */
  static byte[] addressOf(byte[] uncompressedKey) {
    if (uncompressedKey.length != UNCOMPRESSED_KEY_LENGTH || uncompressedKey[0] != 0x04) {
      throw new IllegalStateException("a recovered key is 65 bytes starting with 0x04");
    }
    byte[] hash = Keccak256.hash(uncompressedKey, 1, uncompressedKey.length - 1);
    return Arrays.copyOfRange(hash, WORD - Eip55.ADDRESS_LENGTH, WORD);
  }

  static void checkDigest(byte[] digest32) {
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
