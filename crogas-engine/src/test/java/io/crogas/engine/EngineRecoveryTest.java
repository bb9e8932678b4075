package io.crogas.engine;

import static io.crogas.engine.EngineHarness.RELAYERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A restart finishes what a crash interrupted, looking before it re-sends anything. */
class EngineRecoveryTest {
  private final EngineHarness h = new EngineHarness();
  private final Address relayer = RELAYERS.get(0);
  private final RelayRecord record = h.admit(StoreSamples.tokenTransfer(Keys.of(1), 1));

  @AfterEach
  void stop() {
    h.close();
  }

  private void recover() {
    h.engine(List.of(relayer)).recover();
  }

  private boolean confirmed() {
    return h.journal.find(record.id()).orElseThrow().state() == RelayState.CONFIRMED;
  }

  @Test
  void
      givenACrashAfterSigningBeforeSending_whenRecovered_thenTheRecordedBytesAreSentAndConfirmed() {
    SignedTransaction signed = h.signedBeforeTheCrash(record);
    h.tracking.track(
        new TrackRelayCommand.Submitted(record.id(), signed.hash(), h.clock.instant()));

    recover();

    h.runUntil("the record confirmed", this::confirmed);
    assertThat(h.mempool.accepted()).containsExactly(signed);
  }

  @Test
  void givenACrashAfterTheLedgerButBeforeTheJournalHadTheHash_whenRecovered_thenConfirmed() {
    h.signedBeforeTheCrash(record); // killed here: the journal never saw the hash

    recover();

    h.runUntil("the record confirmed", this::confirmed);
    assertThat(h.mempool.accepted()).hasSize(1);
  }

  @Test
  void givenACrashAfterAssigningBeforeSigning_whenRecovered_thenSignedForItsNonceAndConfirmed() {
    h.ledger.assign(relayer, Optional.of(record.id()), 0);

    recover();

    h.runUntil("the record confirmed", this::confirmed);
    assertThat(h.mempool.minedTransactions())
        .extracting(SignedTransaction::nonce)
        .containsExactly(0L);
  }

  @Test
  void givenAJournaledJobThatNeverGotANonce_whenRecovered_thenExecuted() {
    recover();

    h.runUntil("the record confirmed", this::confirmed);
  }

  @Test
  void givenAnAssignedNonceWhoseJobAlreadyFailed_whenRecovered_thenTheGapIsFilled() {
    h.ledger.assign(relayer, Optional.of(record.id()), 0);
    h.tracking.track(new TrackRelayCommand.Failed(record.id(), "gone", h.clock.instant()));

    recover();

    h.runUntil("the nonce filled", () -> h.mempool.minedNonce(relayer) == 1);
    assertThat(h.mempool.minedTransactions().get(0).gasLimit())
        .isEqualTo(TransactionDraft.TRANSFER_GAS);
  }

  @Test
  void givenARecordThatFailedWhileItsBytesWereSigned_whenRecovered_thenNotResentButFilled() {
    SignedTransaction signed = h.signedBeforeTheCrash(record);
    h.tracking.track(
        new TrackRelayCommand.Submitted(record.id(), signed.hash(), h.clock.instant()));
    h.tracking.track(
        new TrackRelayCommand.Failed(
            record.id(), "reported failed before the crash", h.clock.instant()));

    recover();

    h.runUntil("the nonce filled", () -> h.mempool.minedNonce(relayer) == 1);
    assertThat(h.mempool.accepted()).doesNotContain(signed);
    assertThat(h.mempool.minedTransactions().get(0).gasLimit())
        .isEqualTo(TransactionDraft.TRANSFER_GAS);
  }

  @Test
  void givenBytesTheChainAlreadyMinedBeforeTheCrash_whenRecovered_thenLookedUpNotSentAgain() {
    SignedTransaction signed = h.signedBeforeTheCrash(record);
    h.mempool.send(signed);

    recover();

    h.runUntil("the record confirmed", this::confirmed);
    assertThat(h.mempool.sendsOf(signed)).isEqualTo(1);
    assertThat(h.journal.find(record.id()).orElseThrow().receipt().orElseThrow().txHash())
        .isEqualTo(signed.hash());
  }
}
