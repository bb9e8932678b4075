package io.crogas.eip712;

import java.math.BigInteger;

/**
 * EIP-3009 authorizations (USDC's gasless transfers). CroGas pulls its fee with {@code
 * ReceiveWithAuthorization}, whose {@code nonce} is the meta-transaction's digest.
 */
public final class Eip3009Types {
  public static final String TRANSFER_WITH_AUTHORIZATION =
      "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,"
          + "uint256 validBefore,bytes32 nonce)";

  public static final String RECEIVE_WITH_AUTHORIZATION =
      "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,"
          + "uint256 validBefore,bytes32 nonce)";

  public static final String CANCEL_AUTHORIZATION =
      "CancelAuthorization(address authorizer,bytes32 nonce)";

  private static final FixedType TRANSFER = FixedType.parse(TRANSFER_WITH_AUTHORIZATION);
  private static final FixedType RECEIVE = FixedType.parse(RECEIVE_WITH_AUTHORIZATION);
  private static final FixedType CANCEL = FixedType.parse(CANCEL_AUTHORIZATION);

  private Eip3009Types() {}

  /** Digest of {@code TransferWithAuthorization}: anyone holding it may submit the transfer. */
  public static byte[] transferWithAuthorizationDigest(
      byte[] domainSeparator,
      byte[] from20,
      byte[] to20,
      BigInteger value,
      BigInteger validAfter,
      BigInteger validBefore,
      byte[] nonce32) {
    return authorizationDigest(
        TRANSFER, domainSeparator, from20, to20, value, validAfter, validBefore, nonce32);
  }

  /**
   * Digest of {@code ReceiveWithAuthorization}: only {@code to} may submit it (no front-running).
   */
  public static byte[] receiveWithAuthorizationDigest(
      byte[] domainSeparator,
      byte[] from20,
      byte[] to20,
      BigInteger value,
      BigInteger validAfter,
      BigInteger validBefore,
      byte[] nonce32) {
    return authorizationDigest(
        RECEIVE, domainSeparator, from20, to20, value, validAfter, validBefore, nonce32);
  }

  /** Digest of {@code CancelAuthorization}: burns an unused authorization nonce. */
  public static byte[] cancelAuthorizationDigest(
      byte[] domainSeparator, byte[] authorizer20, byte[] nonce32) {
    return CANCEL
        .words(domainSeparator)
        .address(authorizer20, "message.authorizer")
        .bytes32(nonce32, "message.nonce")
        .digest();
  }

  /** The {@code TransferWithAuthorization} document, e.g. for {@code eth_signTypedData_v4}. */
  public static TypedData transferWithAuthorization(
      Eip712Domain domain,
      byte[] from20,
      byte[] to20,
      BigInteger value,
      BigInteger validAfter,
      BigInteger validBefore,
      byte[] nonce32) {
    return TRANSFER.document(domain, from20, to20, value, validAfter, validBefore, nonce32);
  }

  /** The {@code ReceiveWithAuthorization} document. */
  public static TypedData receiveWithAuthorization(
      Eip712Domain domain,
      byte[] from20,
      byte[] to20,
      BigInteger value,
      BigInteger validAfter,
      BigInteger validBefore,
      byte[] nonce32) {
    return RECEIVE.document(domain, from20, to20, value, validAfter, validBefore, nonce32);
  }

  /** The {@code CancelAuthorization} document. */
  public static TypedData cancelAuthorization(
      Eip712Domain domain, byte[] authorizer20, byte[] nonce32) {
    return CANCEL.document(domain, authorizer20, nonce32);
  }

  private static byte[] authorizationDigest(
      FixedType type,
      byte[] domainSeparator,
      byte[] from20,
      byte[] to20,
      BigInteger value,
      BigInteger validAfter,
      BigInteger validBefore,
      byte[] nonce32) {
    return type.words(domainSeparator)
        .address(from20, "message.from")
        .address(to20, "message.to")
        .uint256(value, "message.value")
        .uint256(validAfter, "message.validAfter")
        .uint256(validBefore, "message.validBefore")
        .bytes32(nonce32, "message.nonce")
        .digest();
  }
}
