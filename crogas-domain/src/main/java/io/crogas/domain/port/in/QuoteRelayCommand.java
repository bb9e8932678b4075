package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import java.math.BigInteger;
import java.util.Optional;

/** A request for a quote; the server picks the nonce, and a deadline when none is given. */
public record QuoteRelayCommand(
    Address user,
    Address target,
    Calldata calldata,
    String gasLevel,
    Optional<BigInteger> deadline) {
  public QuoteRelayCommand {
    if (user == null
        || target == null
        || calldata == null
        || gasLevel == null
        || deadline == null) {
      throw new IllegalArgumentException(
          "user, target, calldata, gasLevel and deadline are required");
    }
  }
}
