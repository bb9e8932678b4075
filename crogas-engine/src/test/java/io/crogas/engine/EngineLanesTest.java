package io.crogas.engine;

import static io.crogas.engine.EngineHarness.RELAYERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which key's lane takes a job, in what order, and what several lanes do side by side. */
class EngineLanesTest {
  private final EngineHarness h = new EngineHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void givenAUsersPipelinedRequestsInFlight_whenExecutedOnSeveralKeys_thenOneLaneInOrder() {
    RelayerEngine engine = h.engine(RELAYERS);
    h.mempool.automine = false;
    Keys user = Keys.of(7);
    List<CompletableFuture<RelayRecord>> mine = new ArrayList<>();
    List<CompletableFuture<RelayRecord>> all = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      CompletableFuture<RelayRecord> f = h.execute(engine, StoreSamples.forwarderCall(user, n));
      mine.add(f);
      all.add(f);
      all.add(h.execute(engine, StoreSamples.tokenTransfer(Keys.of(500 + n), n)));
    }
    h.scheduler.runDue();
    assertThat(h.mempool.accepted()).hasSize(20);

    h.mempool.mine();
    all.forEach(h::settle);

    List<SignedTransaction> userTxs = new ArrayList<>();
    for (CompletableFuture<RelayRecord> f : mine) {
      String hash = f.join().txHashes().get(0).hex();
      h.mempool.minedTransactions().stream()
          .filter(tx -> tx.hash().hex().equals(hash))
          .forEach(userTxs::add);
    }
    assertThat(userTxs).hasSize(10);
    assertThat(userTxs)
        .extracting(SignedTransaction::relayer)
        .containsOnly(userTxs.get(0).relayer());
    assertThat(userTxs).extracting(SignedTransaction::nonce).isSorted();
    assertThat(h.mempool.minedTransactions())
        .extracting(SignedTransaction::relayer)
        .hasSameElementsAs(RELAYERS);
  }

  @Test
  void givenAFullLane_whenMoreJobsArrive_thenTheyAreRefusedAtOnceWithNothingSent() {
    h.laneQueueLimit = 2;
    RelayerEngine engine = h.engine(RELAYERS.subList(0, 1));
    List<CompletableFuture<RelayRecord>> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      jobs.add(h.execute(engine, StoreSamples.tokenTransfer(Keys.of(10 + i), i)));
    }

    for (CompletableFuture<RelayRecord> refused : jobs.subList(2, 4)) {
      RelayRecord record = refused.getNow(null);
      assertThat(record.state()).isEqualTo(RelayState.FAILED);
      assertThat(record.failure()).hasValueSatisfying(f -> assertThat(f).contains("full"));
      assertThat(record.txHashes()).isEmpty();
    }
    assertThat(jobs.subList(0, 2)).noneMatch(CompletableFuture::isDone);
    assertThat(engine.queueDepth()).isEqualTo(2);
    for (CompletableFuture<RelayRecord> accepted : jobs.subList(0, 2)) {
      assertThat(h.settle(accepted).state()).isEqualTo(RelayState.CONFIRMED);
    }
    assertThat(engine.queueDepth()).isZero();
  }

  @Test
  void givenAnEmptyAndAnUnregisteredKey_whenJobsRun_thenOnlyTheGoodKeyTakesThem() {
    h.chain.nativeBalances.put(RELAYERS.get(1), Wei.ZERO);
    h.mempool.broke.add(RELAYERS.get(1));
    h.chain.unregistered.add(RELAYERS.get(2));
    RelayerEngine engine = h.engine(RELAYERS);
    engine.recover();
    List<CompletableFuture<RelayRecord>> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      jobs.add(h.execute(engine, StoreSamples.tokenTransfer(Keys.of(20 + i), i)));
    }

    for (CompletableFuture<RelayRecord> job : jobs) {
      assertThat(h.settle(job).state()).isEqualTo(RelayState.CONFIRMED);
    }
    assertThat(h.mempool.minedTransactions())
        .extracting(SignedTransaction::relayer)
        .containsOnly(RELAYERS.get(0));
    assertThat(engine.outOfRotation()).containsOnlyKeys(RELAYERS.get(1), RELAYERS.get(2));
  }

  @Test
  void givenAKeyOutOfRotationForWantOfCro_whenToppedUp_thenTheNextCheckPutsItBack() {
    Address relayer = RELAYERS.get(0);
    h.chain.nativeBalances.put(relayer, Wei.ZERO);
    RelayerEngine engine = h.engine(RELAYERS.subList(0, 1));
    engine.recover();

    RelayRecord refused = h.settle(h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1)));
    h.chain.nativeBalances.put(relayer, Wei.gwei(1_000_000_000_000_000L));
    assertThat(engine.outOfRotation()).containsOnlyKeys(relayer);
    h.scheduler.advance(h.keyCheckInterval);
    assertThat(engine.outOfRotation()).isEmpty();
    RelayRecord done = h.settle(h.execute(engine, StoreSamples.tokenTransfer(Keys.of(2), 1)));

    assertThat(refused.state()).isEqualTo(RelayState.FAILED);
    assertThat(refused.failure()).hasValueSatisfying(f -> assertThat(f).contains("cannot cover"));
    assertThat(refused.txHashes()).isEmpty();
    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void
      givenTwoHundredConcurrentJobsOverThreeKeysOnRealThreads_whenExecuted_thenAllConfirmedWithNoGapsOrDuplicates()
          throws Exception {
    RelayerEngine engine = h.threaded(RELAYERS);
    List<CompletableFuture<RelayRecord>> all = new ArrayList<>();
    List<Thread> submitters = new ArrayList<>();
    List<RelayRecord> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(h.admit(StoreSamples.tokenTransfer(Keys.of(1000 + i), i)));
    }
    for (int t = 0; t < 4; t++) {
      int slice = t;
      Thread submitter =
          new Thread(
              () -> {
                for (int i = slice; i < 200; i += 4) {
                  CompletableFuture<RelayRecord> f =
                      engine.execute(records.get(i)).toCompletableFuture();
                  synchronized (all) {
                    all.add(f);
                  }
                }
              });
      submitters.add(submitter);
      submitter.start();
    }
    for (Thread submitter : submitters) {
      submitter.join();
    }

    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(all).allSatisfy(f -> assertThat(f.join().state()).isEqualTo(RelayState.CONFIRMED));
    Map<Address, List<Long>> nonces = h.minedNonces();
    int total = 0;
    for (List<Long> lane : nonces.values()) {
      for (int n = 0; n < lane.size(); n++) {
        assertThat(lane.get(n)).isEqualTo(n); // contiguous from 0: no gap, no duplicate
      }
      total += lane.size();
    }
    assertThat(total).isEqualTo(200);
    assertThat(nonces.keySet()).hasSize(3);
    Set<String> hashes = new HashSet<>();
    for (CompletableFuture<RelayRecord> f : all) {
      assertThat(f.join().txHashes()).hasSize(1);
      assertThat(hashes.add(f.join().txHashes().get(0).hex())).isTrue();
    }
  }

  @Test
  void givenOneLaneWhoseReceiptReadsHangOnRealThreads_whenAnotherLaneHasWork_thenItIsStillWatched()
      throws Exception {
    RelayerEngine engine = h.threaded(RELAYERS.subList(0, 2));
    h.mempool.slowReceiptsOf.add(RELAYERS.get(0));
    h.mempool.slowReceiptsOf.add(RELAYERS.get(1));
    CompletableFuture<RelayRecord> stuck =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1));
    await("the first job mined")
        .atMost(Duration.ofSeconds(10))
        .until(() -> h.mempool.minedTransactions().size() == 1);
    Address busy = h.mempool.minedTransactions().get(0).relayer();
    h.mempool.slowReceiptsOf.remove(
        RELAYERS.get(0).equals(busy) ? RELAYERS.get(1) : RELAYERS.get(0));

    RelayRecord other =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(2), 1)).get(10, TimeUnit.SECONDS);

    assertThat(other.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(stuck).isNotDone();
    h.mempool.receiptGate.countDown();
    assertThat(stuck.get(10, TimeUnit.SECONDS).state()).isEqualTo(RelayState.CONFIRMED);
  }
}
