package io.crogas.eip712;

import java.math.BigInteger;

/** EIP-2612 {@code Permit}: the owner lets {@code spender} move {@code value} tokens. */
public final class PermitType {
  public static final String PRIMARY_TYPE = "Permit";

  public static final String ENCODED_TYPE =
      "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";

  private static final FixedType TYPE = FixedType.parse(ENCODED_TYPE);

  private PermitType() {}

  /** {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(Permit))}. */
  public static byte[] digest(
      byte[] domainSeparator,
      byte[] owner20,
      byte[] spender20,
      BigInteger value,
      BigInteger nonce,
      BigInteger deadline) {
    return TYPE.words(domainSeparator)
        .address(owner20, "message.owner")
        .address(spender20, "message.spender")
        .uint256(value, "message.value")
        .uint256(nonce, "message.nonce")
        .uint256(deadline, "message.deadline")
        .digest();
  }

  /** The same permit as a typed-data document. */
  public static TypedData document(
      Eip712Domain domain,
      byte[] owner20,
      byte[] spender20,
      BigInteger value,
      BigInteger nonce,
      BigInteger deadline) {
    return TYPE.document(domain, owner20, spender20, value, nonce, deadline);
  }
}
