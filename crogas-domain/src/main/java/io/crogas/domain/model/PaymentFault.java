package io.crogas.domain.model;

/**
 * Why an x402 {@code exact} payment is invalid or did not settle, with the {@code invalidReason} /
 * {@code errorReason} codes the reference x402 implementation uses for protocol v2 and v1.
 */
public enum PaymentFault {
  UNSUPPORTED_SCHEME("invalid_exact_evm_scheme", "unsupported_scheme"),
  NETWORK_MISMATCH("invalid_exact_evm_network_mismatch", "invalid_network"),
  UNSUPPORTED_ASSET("unsupported_asset", "unsupported_asset"),
  PAYEE_NOT_ALLOWED("payee_not_allowed", "payee_not_allowed"),
  /** Not a reference code: the transfer is below the facilitator's configured minimum. */
  AMOUNT_BELOW_MINIMUM("amount_below_minimum", "amount_below_minimum"),
  MISSING_EIP712_DOMAIN("invalid_exact_evm_missing_eip712_domain", "invalid_payment_requirements"),
  TOKEN_NAME_MISMATCH(
      "invalid_exact_evm_token_name_mismatch", "invalid_exact_evm_token_name_mismatch"),
  TOKEN_VERSION_MISMATCH(
      "invalid_exact_evm_token_version_mismatch", "invalid_exact_evm_token_version_mismatch"),
  INVALID_SIGNATURE("invalid_exact_evm_signature", "invalid_exact_evm_payload_signature"),
  RECIPIENT_MISMATCH(
      "invalid_exact_evm_recipient_mismatch", "invalid_exact_evm_payload_recipient_mismatch"),
  VALID_BEFORE(
      "invalid_exact_evm_payload_authorization_valid_before",
      "invalid_exact_evm_payload_authorization_valid_before"),
  VALID_AFTER(
      "invalid_exact_evm_payload_authorization_valid_after",
      "invalid_exact_evm_payload_authorization_valid_after"),
  AUTHORIZATION_VALUE(
      "invalid_exact_evm_authorization_value", "invalid_exact_evm_payload_authorization_value"),
  NONCE_ALREADY_USED(
      "invalid_exact_evm_nonce_already_used", "invalid_exact_evm_nonce_already_used"),
  INSUFFICIENT_BALANCE("invalid_exact_evm_insufficient_balance", "insufficient_funds"),
  SIMULATION_FAILED(
      "invalid_exact_evm_transaction_simulation_failed",
      "invalid_exact_evm_transaction_simulation_failed"),
  TRANSACTION_FAILED(
      "invalid_exact_evm_transaction_failed", "invalid_exact_evm_transaction_failed"),
  INVALID_PAYLOAD("invalid_payload", "invalid_payload"),
  UNEXPECTED_SETTLE_ERROR("unexpected_settle_error", "unexpected_settle_error");

  private final String v2Code;
  private final String v1Code;

  PaymentFault(String v2Code, String v1Code) {
    this.v2Code = v2Code;
    this.v1Code = v1Code;
  }

  /** The reason code for x402 protocol version {@code x402Version} (1 or 2). */
  public String code(int x402Version) {
    return x402Version == 1 ? v1Code : v2Code;
  }
}
