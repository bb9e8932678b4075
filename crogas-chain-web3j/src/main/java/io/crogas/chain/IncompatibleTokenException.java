package io.crogas.chain;

import io.crogas.domain.CroGasException;

/** A configured token cannot be used: its on-chain EIP-712 domain contradicts what it reports. */
public class IncompatibleTokenException extends CroGasException {
  private static final long serialVersionUID = 1L;

  public IncompatibleTokenException(String message) {
    super(message);
  }
}
