package io.crogas.cli.client;

/** The CroGas server could not be reached (exit code 3, like an unavailable chain). */
public final class ApiUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ApiUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
