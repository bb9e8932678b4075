package io.crogas.domain;

/** The chain could not be read or written (RPC down, timed out, or answered nonsense). */
public class ChainUnavailableException extends CroGasException {
  private static final long serialVersionUID = 1L;

  public ChainUnavailableException(String message) {
    super(message);
  }

  public ChainUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
