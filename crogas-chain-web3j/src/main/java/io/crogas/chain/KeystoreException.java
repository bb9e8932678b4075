package io.crogas.chain;

import io.crogas.domain.CroGasException;

/**
 * A keystore cannot be read, decrypted or written. Messages name files and addresses, never a key
 * or a password.
 */
public class KeystoreException extends CroGasException {
  private static final long serialVersionUID = 1L;

  public KeystoreException(String message) {
    super(message);
  }

  public KeystoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
