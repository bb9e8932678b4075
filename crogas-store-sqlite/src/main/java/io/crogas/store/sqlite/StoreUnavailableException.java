package io.crogas.store.sqlite;

import io.crogas.domain.CroGasException;

/**
 * The SQLite store could not do its job: the file cannot be opened or written, stayed locked past
 * the busy timeout, or holds a row this version cannot read. Never an expected outcome.
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
