package io.crogas.store.violation;

import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase;

/** Deliberately breaks the layer rules (a driven adapter calling a use case). */
public final class UseCaseCallingStore {
  private UseCaseCallingStore() {}

  public static Object submit(SubmitRelayUseCase relay, SubmitRelayCommand command) {
    return relay.submit(command);
  }
}
