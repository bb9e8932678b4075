package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.testfixtures.Fixture;
import java.math.BigInteger;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackRelayServiceTest {
  private final Fixture f = new Fixture();
  private final Hash32 tx1 =
      Hash32.of(
          new byte[] {
            1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 1
          });
  private final Hash32 tx2 =
      Hash32.of(
          new byte[] {
            2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 2
          });

  private RelayRecord admitted() {
    TransferAuthorization a =
        new TransferAuthorization(
            f.user.address(),
            Fixture.TARGET,
            BigInteger.TEN,
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 60),
            tx1);
    RelayJob job =
        new RelayJob.TokenTransfer(
            f.usdc, new SignedAuthorization(a, f.user.sign(a.transferDigest(f.usdc))));
    RelayRecord record =
        RelayRecord.accepted(
            "s_1",
            IdempotencyKey.payment(Fixture.CHAIN, Fixture.USDC, f.user.address(), tx1),
            job,
            TokenAmount.usdc(10),
            f.clock.instant());
    f.journal.admit(record);
    return record;
  }

  private RelayRecord.Step submitted(String id, Hash32 tx) {
    return f.tracking.track(new TrackRelayCommand.Submitted(id, tx, f.clock.instant()));
  }

  private RelayRecord.Step confirmed(String id, Receipt receipt) {
    return f.tracking.track(new TrackRelayCommand.Confirmed(id, receipt, f.clock.instant()));
  }

  private RelayRecord.Step failed(String id, String reason) {
    return f.tracking.track(new TrackRelayCommand.Failed(id, reason, f.clock.instant()));
  }

  private RelayRecord.Step failedUnsent(String id, String reason) {
    return f.tracking.track(
        new TrackRelayCommand.FailedUnsent(id, reason, Set.of(), f.clock.instant()));
  }

  // Issue #12: an instance whose plan was refused must not fail a job another instance sent.
  @Test
  void givenASubmittedRecord_whenAFailureBeforeSendingIsReported_thenRefusedAndStillSubmitted() {
    admitted();
    submitted("s_1", tx1);

    assertThat(failedUnsent("s_1", "simulation reverts"))
        .isInstanceOf(RelayRecord.Step.Refused.class);

    RelayRecord record = f.journal.find("s_1").orElseThrow();
    assertThat(record.state()).isEqualTo(RelayState.SUBMITTED);
    assertThat(record.version()).isEqualTo(1);
  }

  @Test
  void givenARecordFailedBeforeSending_whenASubmissionIsReported_thenRefusedAndStillFailed() {
    admitted();

    assertThat(failedUnsent("s_1", "simulation reverts"))
        .isInstanceOf(RelayRecord.Step.Moved.class);

    assertThat(submitted("s_1", tx1)).isInstanceOf(RelayRecord.Step.Refused.class);
    RelayRecord record = f.journal.find("s_1").orElseThrow();
    assertThat(record.state()).isEqualTo(RelayState.FAILED);
    assertThat(record.txHashes()).isEmpty();
    assertThat(failedUnsent("s_1", "another reason"))
        .isEqualTo(new RelayRecord.Step.Unchanged(record));
  }

  @Test
  void givenAnUnknownId_whenReported_thenRefused() {
    assertThat(submitted("nope", tx1)).isInstanceOf(RelayRecord.Step.Refused.class);
  }

  @Test
  void givenAConfirmedRecord_whenAFailureIsReported_thenRefusedAndUnchanged() {
    admitted();
    submitted("s_1", tx1);
    confirmed("s_1", new Receipt(tx1, 5, BigInteger.TEN, Wei.of(1), true));

    assertThat(failed("s_1", "late")).isInstanceOf(RelayRecord.Step.Refused.class);
    assertThat(f.journal.find("s_1").orElseThrow().state()).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void givenAReceiptForAHashNeverSent_whenReported_thenRefused() {
    admitted();
    submitted("s_1", tx1);

    assertThat(confirmed("s_1", new Receipt(tx2, 5, BigInteger.TEN, Wei.of(1), true)))
        .isInstanceOf(RelayRecord.Step.Refused.class);
  }

  @Test
  void givenAReplacement_whenTheReplacementConfirms_thenEveryHashIsKept() {
    admitted();
    submitted("s_1", tx1);
    submitted("s_1", tx2);

    confirmed("s_1", new Receipt(tx2, 9, BigInteger.TEN, Wei.of(1), true));

    RelayRecord record = f.journal.find("s_1").orElseThrow();
    assertThat(record.txHashes()).containsExactly(tx1, tx2);
    assertThat(record.latestTxHash()).contains(tx2);
    assertThat(record.history())
        .extracting(e -> e.detail())
        .containsExactly("received", "validated", "submitted", "replaced", "confirmed");
  }

  @Test
  void givenAReplayedReport_whenReportedAgain_thenUnchangedAndNotJournaledTwice() {
    admitted();
    submitted("s_1", tx1);

    RelayRecord.Step again = submitted("s_1", tx1);

    assertThat(again).isInstanceOf(RelayRecord.Step.Unchanged.class);
    assertThat(f.journal.find("s_1").orElseThrow().version()).isEqualTo(1);
  }

  /** Issue #9 item 10: engine failure texts reach /x402/transactions and settle answers. */
  @Test
  void givenAFailureTextWithAPathAUrlAndAStackFrame_whenRecorded_thenNoneOfThemIsKept() {
    admitted();
    String raw =
        "internal error: java.io.UncheckedIOException: /var/lib/crogas/crogas.db (Permission"
            + " denied) sending to https://cronos-testnet.example/v1/KEY-s3cr3t failed\n"
            + "\tat io.crogas.store.sqlite.SqliteJournal.update(SqliteJournal.java:88)";

    RelayRecord.Step step = failed("s_1", raw);

    String kept = ((RelayRecord.Step.Moved) step).record().failure().orElseThrow();
    assertThat(kept)
        .startsWith("internal error")
        .doesNotContain("/var/lib")
        .doesNotContain("KEY-s3cr3t")
        .doesNotContain("https://")
        .doesNotContain("SqliteJournal")
        .doesNotContain("UncheckedIOException")
        .doesNotContain("\n");
    assertThat(f.journal.find("s_1").orElseThrow().history())
        .allSatisfy(event -> assertThat(event.detail()).doesNotContain("KEY-s3cr3t"));
  }
}
