package io.crogas.domain.port.in;

import io.crogas.domain.model.RelayRequest;

/**
 * A signed gasless execution request to validate and relay. The request itself is a model value
 * (the journaled job keeps it), so the command carries it whole.
 */
public record SubmitRelayCommand(RelayRequest request) {
  public SubmitRelayCommand {
    if (request == null) {
      throw new IllegalArgumentException("request is required");
    }
  }
}
