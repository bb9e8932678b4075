package io.crogas.domain.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an accepted request is: received → validated → submitted (possibly several times, when a
 * stuck transaction is replaced) → confirmed or failed. Confirmed and failed are final for the
 * engine; a failed request whose transaction turns out to have been mined after all (a receipt that
 * came late) is corrected to confirmed, because nothing that executed may stay reported failed.
 */
public enum RelayState {
  RECEIVED,
  VALIDATED,
  SUBMITTED,
  CONFIRMED,
  FAILED;

  public boolean isFinal() {
    return this == CONFIRMED || this == FAILED;
  }

  /** Whether the sequence allows going from this state to {@code next}. */
  public boolean canMoveTo(RelayState next) {
    return successors().contains(next);
  }

  private Set<RelayState> successors() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(VALIDATED, FAILED);
      case VALIDATED -> EnumSet.of(SUBMITTED, FAILED);
      case SUBMITTED -> EnumSet.of(SUBMITTED, CONFIRMED, FAILED);
      case FAILED -> EnumSet.of(CONFIRMED);
      case CONFIRMED -> EnumSet.noneOf(RelayState.class);
    };
  }
}
