package io.crogas.chain;

import io.crogas.domain.CroGasException;

/** A transaction was refused by the node, would revert, or reverted on chain. */
public class TransactionFailedException extends CroGasException {
  private static final long serialVersionUID = 1L;

  public TransactionFailedException(String message) {
    super(message);
  }
}
