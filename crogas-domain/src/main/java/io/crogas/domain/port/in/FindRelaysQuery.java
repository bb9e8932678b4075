package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import java.util.Optional;

/**
 * A page of recent requests: all of them, or only those {@code payer} paid for; at most {@code
 * limit} (the use case caps it).
 */
public record FindRelaysQuery(Optional<Address> payer, int limit) {
  public FindRelaysQuery {
    if (payer == null) {
      throw new IllegalArgumentException("payer is required (empty for every payer)");
    }
  }
}
