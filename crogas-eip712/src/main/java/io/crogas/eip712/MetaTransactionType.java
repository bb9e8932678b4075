package io.crogas.eip712;

import java.math.BigInteger;

/**
 * CroGas's signed meta-transaction: the user asks the forwarder to call {@code target} with {@code
 * calldata} at a gas tier, once ({@code nonce}) and before {@code deadline}. Digests here are
 * computed directly from the fixed field layout, without walking a generic document.
 */
public final class MetaTransactionType {
  public static final String PRIMARY_TYPE = "MetaTransaction";

  public static final String ENCODED_TYPE =
      "MetaTransaction(address target,bytes calldata,string gasLevel,uint256 nonce,uint256 deadline)";

  private static final FixedType TYPE = FixedType.parse(ENCODED_TYPE);

  private MetaTransactionType() {}

  /** {@code hashStruct(MetaTransaction)}. */
  public static byte[] structHash(
      byte[] target20, byte[] calldata, String gasLevel, BigInteger nonce, BigInteger deadline) {
    return write(TYPE.words(), target20, calldata, gasLevel, nonce, deadline).structHash();
  }

  /** {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(MetaTransaction))}. */
  public static byte[] digest(
      byte[] domainSeparator,
      byte[] target20,
      byte[] calldata,
      String gasLevel,
      BigInteger nonce,
      BigInteger deadline) {
    return write(TYPE.words(domainSeparator), target20, calldata, gasLevel, nonce, deadline)
        .digest();
  }

  /** The same meta-transaction as a typed-data document, e.g. for {@code eth_signTypedData_v4}. */
  public static TypedData document(
      Eip712Domain domain,
      byte[] target20,
      byte[] calldata,
      String gasLevel,
      BigInteger nonce,
      BigInteger deadline) {
    return TYPE.document(domain, target20, calldata, gasLevel, nonce, deadline);
  }

  private static StructWords write(
      StructWords words,
      byte[] target20,
      byte[] calldata,
      String gasLevel,
      BigInteger nonce,
      BigInteger deadline) {
    return words
        .address(target20, "message.target")
        .hashOf(calldata, "message.calldata")
        .hashOf(gasLevel, "message.gasLevel")
        .uint256(nonce, "message.nonce")
        .uint256(deadline, "message.deadline");
  }
}
