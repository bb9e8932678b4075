package io.crogas.domain.model;

import java.time.Instant;
import java.util.Optional;

/** One step in a request's history, as the journal keeps it. */
public record RelayEvent(RelayState state, Instant at, String detail, Optional<Hash32> txHash) {
  public RelayEvent {
    if (state == null || at == null || detail == null || txHash == null) {
      throw new IllegalArgumentException("state, at, detail and txHash are required");
    }
  }
}
