package io.crogas.prices;

import io.crogas.domain.CroGasException;

/** A price source did not answer a usable price: down, slow, refusing, or answering nonsense. */
public class PriceSourceException extends CroGasException {
  private static final long serialVersionUID = 1L;

  public PriceSourceException(String message) {
    super(message);
  }

  public PriceSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
