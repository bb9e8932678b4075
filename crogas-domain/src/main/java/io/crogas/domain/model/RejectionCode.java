package io.crogas.domain.model;

/**
 * Why a request was refused, with the error code clients see (PRODUCT.md §5). Mapping to HTTP
 * statuses or exit codes belongs to the adapters.
 */
public enum RejectionCode {
  INVALID_REQUEST("invalid_request"),
  INVALID_SIGNATURE("invalid_signature"),
  PAYMENT_REQUIRED("payment_required"),
  INSUFFICIENT_BALANCE("insufficient_balance"),
  FORBIDDEN("forbidden"),
  NOT_FOUND("not_found"),
  NONCE_MISMATCH("nonce_mismatch"),
  DUPLICATE("duplicate"),
  EXPIRED("expired"),
  SIMULATION_FAILED("simulation_failed"),
  RATE_LIMITED("rate_limited"),
  UNAVAILABLE("unavailable");

  private final String code;

  RejectionCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
