package io.crogas.store.violation;

import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.port.in.SubmitRelay;

/** Deliberately breaks the layer rules (a driven adapter calling a use case). */
public final class UseCaseCallingStore {
  private UseCaseCallingStore() {}

  public static Object submit(SubmitRelay relay, RelayRequest request) {
    return relay.submit(request);
  }
}
