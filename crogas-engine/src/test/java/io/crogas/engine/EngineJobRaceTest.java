package io.crogas.engine;

import static io.crogas.engine.EngineHarness.POLL;
import static io.crogas.engine.EngineHarness.RELAYERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.RelayEvent;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.ManualScheduler;
import io.crogas.testfixtures.StoreSamples;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: one journaled job dispatched by two instances at once (the one that accepted it and
 * one adopting it), each on a key of its own. Whatever the interleaving, the payer is charged at
 * most once, no caller hears "failed" for a job whose transaction is out, and nothing is sent for a
 * job already reported failed.
 */
class EngineJobRaceTest {
  private static final Duration TTL = Duration.ofSeconds(15);

  private final EngineHarness h = new EngineHarness();
  private final ManualScheduler first = new ManualScheduler(h.clock);
  private final ManualScheduler second = new ManualScheduler(h.clock);
  private RelayerEngine a;
  private RelayerEngine b;

  @AfterEach
  void stop() {
    h.close();
  }

  private void startBoth() {
    a = h.leasing(List.of(RELAYERS.get(0)), "a", first, TTL);
    a.recover();
    b = h.leasing(List.of(RELAYERS.get(1)), "b", second, TTL);
    b.recover();
  }

  private void runFor(Duration time) {
    for (long s = 0; s < time.dividedBy(POLL); s++) {
      first.runDue();
      second.runDue();
      h.clock.advance(POLL);
    }
    first.runDue();
    second.runDue();
  }

  private RelayRecord journaled(RelayRecord record) {
    return h.journal.find(record.id()).orElseThrow();
  }

  private List<SignedTransaction> minedJobs() {
    return h.mempool.minedTransactions().stream().filter(tx -> !isFiller(tx)).toList();
  }

  private static boolean isFiller(SignedTransaction tx) {
    return tx.gasLimit().equals(TransactionDraft.TRANSFER_GAS);
  }

  // B's node simulates the job as reverting (a lying or lagging RPC); as B journals the failure,
  // A, whose node is right, sends it: B's write loses the journal's compare-and-set.
  @Test
  void
      givenBRefusedTheJob_whenASendsItBeforeBJournalsTheFailure_thenNobodyHearsFailedAndOneTxMines() {
    startBoth();
    RelayRecord job = h.admit(StoreSamples.tokenTransfer(Keys.of(900), 1));
    CompletableFuture<RelayRecord> atA = a.execute(job).toCompletableFuture();
    CompletableFuture<RelayRecord> atB = b.execute(job).toCompletableFuture();
    h.chain.jobRevert = Optional.of("execution reverted");
    h.outage.beforeNextUpdate.set(
        () -> {
          h.chain.jobRevert = Optional.empty();
          first.runDue(); // A: planned, nonce, signed, recorded, journaled SUBMITTED, sent
        });

    second.runDue(); // B: refused; its failure is journaled after A's submission

    assertThat(h.mempool.accepted()).hasSize(1);
    assertThat(atB).as("B's caller").isNotCompleted();
    runFor(TTL);

    assertThat(atA).isCompletedWithValueMatching(r -> r.state() == RelayState.CONFIRMED);
    assertThat(atB).isCompletedWithValueMatching(r -> r.state() == RelayState.CONFIRMED);
    RelayRecord done = journaled(job);
    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(done.txHashes()).hasSize(1);
    assertThat(done.history()).extracting(RelayEvent::state).doesNotContain(RelayState.FAILED);
    assertThat(minedJobs()).hasSize(1);
  }

  // The reverse order: B (whose only key ran dry) fails the job at dispatch after A took a nonce
  // and signed, before A journals SUBMITTED. A may not send it then: its nonce goes to a filler.
  @Test
  void
      givenBFailedTheJobBeforeAnythingWasSent_whenAComesToJournalItsSubmission_thenASendsNothing() {
    h.chain.nativeBalances.put(RELAYERS.get(1), Wei.ZERO);
    startBoth();
    RelayRecord job = h.admit(StoreSamples.tokenTransfer(Keys.of(901), 1));
    CompletableFuture<RelayRecord> atA = a.execute(job).toCompletableFuture();
    CompletableFuture<CompletableFuture<RelayRecord>> atB = new CompletableFuture<>();
    h.outage.beforeNextUpdate.set(() -> atB.complete(b.execute(job).toCompletableFuture()));

    first.runDue(); // A: nonce 0 signed and recorded; B fails the job before A journals it
    runFor(Duration.ofSeconds(3));

    RelayRecord done = journaled(job);
    assertThat(done.state()).isEqualTo(RelayState.FAILED);
    assertThat(done.txHashes()).isEmpty();
    assertThat(atB.join()).isCompletedWithValueMatching(r -> r.state() == RelayState.FAILED);
    assertThat(atA).isCompletedWithValueMatching(r -> r.state() == RelayState.FAILED);
    assertThat(h.mempool.accepted())
        .as("nothing but a filler sent")
        .allMatch(EngineJobRaceTest::isFiller);
    assertThat(h.minedNonces()).containsEntry(RELAYERS.get(0), List.of(0L));
    // No gap: A's next job takes nonce 1 and mines.
    CompletableFuture<RelayRecord> next = h.execute(a, StoreSamples.tokenTransfer(Keys.of(902), 1));
    runFor(Duration.ofSeconds(3));
    assertThat(next).isCompletedWithValueMatching(r -> r.state() == RelayState.CONFIRMED);
    assertThat(h.minedNonces()).containsEntry(RELAYERS.get(0), List.of(0L, 1L));
  }

  // A restarted instance finds a job's bytes recorded but not journaled (it crashed in between) and
  // the job live; before it journals them, B fails the job at dispatch. The bytes were never out
  // and may not go out now: a filler takes the nonce.
  @Test
  void
      givenRecordedBytesOfALiveJob_whenBFailsItBeforeTheRestartJournalsThem_thenTheyAreNeverSent() {
    h.chain.nativeBalances.put(RELAYERS.get(1), Wei.ZERO);
    RelayRecord job = h.admit(StoreSamples.tokenTransfer(Keys.of(903), 1));
    SignedTransaction recorded = h.signedBeforeTheCrash(job);
    startBoth();
    CompletableFuture<CompletableFuture<RelayRecord>> atB = new CompletableFuture<>();
    h.outage.beforeNextUpdate.set(() -> atB.complete(b.execute(job).toCompletableFuture()));

    first.runDue(); // A's reconciliation: the job is live, its hashes are journaled next
    runFor(Duration.ofSeconds(3));

    assertThat(atB.join()).isCompletedWithValueMatching(r -> r.state() == RelayState.FAILED);
    assertThat(h.mempool.sendsOf(recorded)).isZero();
    assertThat(journaled(job).state()).isEqualTo(RelayState.FAILED);
    assertThat(h.mempool.minedTransactions()).singleElement().matches(EngineJobRaceTest::isFiller);
  }
}
