package io.crogas.domain.model;

import io.crogas.eip712.Eip3009Types;
import io.crogas.eip712.TypedData;
import java.math.BigInteger;

/**
 * An EIP-3009 authorization: {@code from} allows {@code value} of a token to move to {@code to}
 * between {@code validAfter} and {@code validBefore} (exclusive), once, under a random or derived
 * 32-byte {@code nonce}.
 */
public record TransferAuthorization(
    Address from,
    Address to,
    BigInteger value,
    BigInteger validAfter,
    BigInteger validBefore,
    Hash32 nonce) {
  public TransferAuthorization {
    if (from == null || to == null || nonce == null) {
      throw new IllegalArgumentException("from, to and nonce are required");
    }
    MetaTransaction.requireUint256(value, "value");
    MetaTransaction.requireUint256(validAfter, "validAfter");
    MetaTransaction.requireUint256(validBefore, "validBefore");
  }

  /** Digest of {@code TransferWithAuthorization}: what an x402 payer signs. */
  public Hash32 transferDigest(TokenDomain token) {
    return digest(token, Eip3009Types::transferWithAuthorizationDigest);
  }

  /** Digest of {@code ReceiveWithAuthorization}: what a CroGas user signs for the fee. */
  public Hash32 receiveDigest(TokenDomain token) {
    return digest(token, Eip3009Types::receiveWithAuthorizationDigest);
  }

  private Hash32 digest(TokenDomain token, AuthorizationDigest kind) {
    return Hash32.of(
        kind.digest(
            token.separator().bytes(),
            from.bytes(),
            to.bytes(),
            value,
            validAfter,
            validBefore,
            nonce.bytes()));
  }

  /** The two EIP-3009 authorization types share their fields and differ in type hash only. */
  @FunctionalInterface
  private interface AuthorizationDigest {
    byte[] digest(
        byte[] separator,
        byte[] from,
        byte[] to,
        BigInteger value,
        BigInteger validAfter,
        BigInteger validBefore,
        byte[] nonce);
  }

  public TypedData receiveTypedData(TokenDomain token) {
    return Eip3009Types.receiveWithAuthorization(
        token.eip712(), from.bytes(), to.bytes(), value, validAfter, validBefore, nonce.bytes());
  }
}
