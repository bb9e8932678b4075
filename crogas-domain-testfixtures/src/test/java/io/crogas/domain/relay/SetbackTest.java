package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.NonceAssignment;
import io.crogas.testfixtures.StoreSamples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetbackTest {
  private static final Optional<NonceAssignment> NONE = Optional.empty();
  private static final Optional<NonceAssignment> UNSIGNED =
      Optional.of(
          new NonceAssignment(
              StoreSamples.RELAYER, 5, Optional.of("r-1"), List.of(), Optional.empty()));
  private static final Optional<NonceAssignment> SIGNED =
      Optional.of(
          new NonceAssignment(
              StoreSamples.RELAYER,
              5,
              Optional.of("r-1"),
              List.of(StoreSamples.signed(StoreSamples.RELAYER, 5, 1)),
              Optional.empty()));

  @Test
  void givenTheChainAway_whenNothingWasAssigned_thenTriedAgainElseLeftToTheReconciliation() {
    assertThat(Setback.chainAway(NONE)).isEqualTo(new Setback.RetryLater());
    assertThat(Setback.chainAway(UNSIGNED)).isEqualTo(new Setback.LeaveToReconciliation());
  }

  @Test
  void givenAnInternalError_whenNothingMayBeOut_thenFailedAndAnyNonceTakenIsFilled() {
    assertThat(Setback.internalError(NONE, "boom"))
        .isEqualTo(new Setback.Fail("internal error: boom", Optional.empty()));
    assertThat(Setback.internalError(UNSIGNED, "boom"))
        .isEqualTo(new Setback.Fail("internal error: boom", Optional.of(5L)));
  }

  @Test
  void givenAnInternalError_whenATransactionMayBeOut_thenNeverFailedButLeftToTheReconciliation() {
    assertThat(Setback.internalError(SIGNED, "boom"))
        .isEqualTo(new Setback.LeaveToReconciliation());
  }
}
