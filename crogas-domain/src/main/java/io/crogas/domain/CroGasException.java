package io.crogas.domain;

/**
 * The one root of real failures (not expected outcomes, which are values): a port that cannot do
 * its job. Adapters translate it at the edge (HTTP 503, CLI exit code).
 */
public class CroGasException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CroGasException(String message) {
    super(message);
  }

  public CroGasException(String message, Throwable cause) {
    super(message, cause);
  }
}
