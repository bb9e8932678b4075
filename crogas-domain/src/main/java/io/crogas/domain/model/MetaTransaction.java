package io.crogas.domain.model;

import io.crogas.eip712.MetaTransactionType;
import io.crogas.eip712.TypedData;
import java.math.BigInteger;

/**
 * The call a user signs: {@code MetaTransaction(address target,bytes calldata,string gasLevel,
 * uint256 nonce,uint256 deadline)}. Its EIP-712 digest identifies the request everywhere: it is the
 * idempotency key and the EIP-3009 nonce of the fee authorization.
 */
public record MetaTransaction(
    Address target, Calldata calldata, String gasLevel, BigInteger nonce, BigInteger deadline) {
  private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  public MetaTransaction {
    if (target == null || calldata == null || gasLevel == null) {
      throw new IllegalArgumentException("target, calldata and gasLevel are required");
    }
    requireUint256(nonce, "nonce");
    requireUint256(deadline, "deadline");
  }

  public Hash32 digest(ForwarderDomain domain) {
    return Hash32.of(
        MetaTransactionType.digest(
            domain.separator().bytes(),
            target.bytes(),
            calldata.bytes(),
            gasLevel,
            nonce,
            deadline));
  }

  /** The eth_signTypedData_v4 document a wallet signs for this call. */
  public TypedData typedData(ForwarderDomain domain) {
    return MetaTransactionType.document(
        domain.eip712(), target.bytes(), calldata.bytes(), gasLevel, nonce, deadline);
  }

  static void requireUint256(BigInteger value, String field) {
    if (value == null || value.signum() < 0 || value.compareTo(UINT256_MAX) > 0) {
      throw new IllegalArgumentException(field + " must be an unsigned 256-bit integer");
    }
  }
}
