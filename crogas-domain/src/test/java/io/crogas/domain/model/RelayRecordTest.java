package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayRecordTest {
  @Test
  void givenEachState_whenAskedForSuccessors_thenOnlyTheSequenceIsAllowed() {
    assertThat(RelayState.RECEIVED.canMoveTo(RelayState.SUBMITTED)).isFalse();
    assertThat(RelayState.VALIDATED.canMoveTo(RelayState.CONFIRMED)).isFalse();
    assertThat(RelayState.SUBMITTED.canMoveTo(RelayState.SUBMITTED)).isTrue();
    assertThat(RelayState.CONFIRMED.canMoveTo(RelayState.FAILED)).isFalse();
    assertThat(RelayState.FAILED.canMoveTo(RelayState.SUBMITTED)).isFalse();
    assertThat(RelayState.CONFIRMED.isFinal()).isTrue();
    assertThat(RelayState.SUBMITTED.isFinal()).isFalse();
  }
}
