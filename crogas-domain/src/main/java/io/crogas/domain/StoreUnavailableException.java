package io.crogas.domain;

/**
 * The store (journal, nonce ledger, quotes) could not do its job: it cannot be opened or written,
 * stayed locked past its timeout, or holds a record this version cannot read. Never an expected
 * outcome; adapters answer it as "unavailable" (HTTP 503, CLI exit code 3).
 */
public class StoreUnavailableException extends CroGasException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
