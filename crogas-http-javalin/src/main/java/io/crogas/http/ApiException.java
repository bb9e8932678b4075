package io.crogas.http;

import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An answer other than success, raised anywhere in a handler and written by {@link ErrorMapping} as
 * {@code {"error", "message", "details"}} with its HTTP status.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** No API key where one is needed, or one that is unknown or revoked (HTTP 401). */
  static final String UNAUTHORIZED = "unauthorized";

  private final int status;
  private final String code;
  private final transient Map<String, String> details;
  private final transient Optional<Duration> retryAfter;

  ApiException(int status, String code, String message, Map<String, String> details) {
    this(status, code, message, details, Optional.empty());
  }

  private ApiException(
      int status,
      String code,
      String message,
      Map<String, String> details,
      Optional<Duration> retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = Map.copyOf(details);
    this.retryAfter = retryAfter;
  }

  static ApiException invalid(String message, Map<String, String> details) {
    return new ApiException(400, RejectionCode.INVALID_REQUEST.code(), message, details);
  }

  static ApiException invalid(String field, String problem) {
    return invalid("invalid request: " + field + " " + problem, Map.of(field, problem));
  }

  static ApiException rateLimited(String scope, Duration retryAfter) {
    return new ApiException(
        429,
        RejectionCode.RATE_LIMITED.code(),
        "too many requests for this " + scope + "; retry later",
        Map.of("scope", scope),
        Optional.of(retryAfter));
  }

  /** 503: the server is saturated now; {@code Retry-After} says when to try again. */
  static ApiException busy(String message, Map<String, String> details, Duration retryAfter) {
    return new ApiException(
        503, RejectionCode.UNAVAILABLE.code(), message, details, Optional.of(retryAfter));
  }

  /** A refusal from the core, with the status PRODUCT.md §5 gives its code. */
  static ApiException of(Rejection rejection) {
    return new ApiException(
        status(rejection.code()),
        rejection.code().code(),
        rejection.message(),
        rejection.details(),
        Optional.ofNullable(rejection.details().get("retryAfterSeconds"))
            .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))));
  }

  static int status(RejectionCode code) {
    return switch (code) {
      case INVALID_REQUEST -> 400;
      case INVALID_SIGNATURE -> 401;
      case PAYMENT_REQUIRED, INSUFFICIENT_BALANCE -> 402;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case NONCE_MISMATCH, DUPLICATE -> 409;
      case EXPIRED -> 410;
      case SIMULATION_FAILED -> 422;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Map<String, String> details() {
    return details;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
