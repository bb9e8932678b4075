package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
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
    assertThat(RelayState.FAILED.canMoveTo(RelayState.CONFIRMED)).isTrue();
    assertThat(RelayState.FAILED.canMoveTo(RelayState.FAILED)).isFalse();
  }

  @Test
  void givenAFailedRecord_whenAReceiptOfItsOwnTransactionComesLate_thenCorrectedToConfirmed() {
    java.time.Instant now = java.time.Instant.parse("2026-12-01T08:00:00Z");
    Hash32 hash = new Hash32("0x" + "ab".repeat(32));
    RelayRecord failed =
        moved(moved(accepted(now).submitted(hash, now)).failed("no receipt within the grace", now));
    Receipt late =
        new Receipt(hash, 7, java.math.BigInteger.valueOf(60_000), Wei.gwei(5_000), true);

    RelayRecord corrected = moved(failed.confirmed(late, now));

    assertThat(corrected.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(corrected.receipt()).contains(late);
    assertThat(
            failed.confirmed(
                new Receipt(
                    new Hash32("0x" + "cd".repeat(32)),
                    7,
                    java.math.BigInteger.ONE,
                    Wei.ZERO,
                    true),
                now))
        .isInstanceOf(RelayRecord.Step.Refused.class);
    assertThat(failed.failed("another reason", now)).isInstanceOf(RelayRecord.Step.Refused.class);
  }

  @Test
  void givenEachState_whenFailedUnsent_thenOnlyARecordWithNothingOutFails() {
    java.time.Instant now = java.time.Instant.parse("2026-12-01T08:00:00Z");
    Hash32 hash = new Hash32("0x" + "ab".repeat(32));
    RelayRecord validated = accepted(now);
    RelayRecord submitted = moved(validated.submitted(hash, now));
    RelayRecord sentThenFailed = moved(submitted.failed("no receipt within the grace", now));

    RelayRecord failed = moved(validated.failedUnsent("simulation reverts", Set.of(), now));

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).contains("simulation reverts");
    assertThat(submitted.failedUnsent("simulation reverts", Set.of(), now))
        .isInstanceOf(RelayRecord.Step.Refused.class);
    assertThat(failed.failedUnsent("another reason", Set.of(), now))
        .isEqualTo(new RelayRecord.Step.Unchanged(failed));
    assertThat(sentThenFailed.failedUnsent("another reason", Set.of(), now))
        .isEqualTo(new RelayRecord.Step.Unchanged(sentThenFailed));
    assertThat(failed.submitted(hash, now)).isInstanceOf(RelayRecord.Step.Refused.class);
  }

  @Test
  void givenATransactionTheNodeRefused_whenFailedUnsent_thenFailedUnlessAnotherIsOut() {
    java.time.Instant now = java.time.Instant.parse("2026-12-01T08:00:00Z");
    Hash32 refused = new Hash32("0x" + "ab".repeat(32));
    Hash32 other = new Hash32("0x" + "cd".repeat(32));
    RelayRecord submitted = moved(accepted(now).submitted(refused, now));
    RelayRecord alsoOut = moved(submitted.submitted(other, now));

    assertThat(moved(submitted.failedUnsent("no key can pay", Set.of(refused), now)).state())
        .isEqualTo(RelayState.FAILED);
    assertThat(alsoOut.failedUnsent("no key can pay", Set.of(refused), now))
        .isInstanceOf(RelayRecord.Step.Refused.class);
  }

  private static RelayRecord accepted(java.time.Instant now) {
    return io.crogas.testfixtures.StoreSamples.accepted(
        "r_1",
        io.crogas.testfixtures.StoreSamples.tokenTransfer(io.crogas.testfixtures.Keys.of(1), 1),
        now);
  }

  private static RelayRecord moved(RelayRecord.Step step) {
    assertThat(step).isInstanceOf(RelayRecord.Step.Moved.class);
    return ((RelayRecord.Step.Moved) step).record();
  }
}
