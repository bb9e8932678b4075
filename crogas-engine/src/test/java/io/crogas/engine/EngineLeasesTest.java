package io.crogas.engine;

import static io.crogas.engine.EngineHarness.POLL;
import static io.crogas.engine.EngineHarness.RELAYERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.ManualScheduler;
import io.crogas.testfixtures.StoreSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one store and one chain, each engine on a scheduler of its own: an instance is
 * "killed" (or paused) by no longer running its scheduler, so it stops renewing its leases.
 */
class EngineLeasesTest {
  private static final Duration TTL = Duration.ofSeconds(15);

  private final EngineHarness h = new EngineHarness();
  private final ManualScheduler first = new ManualScheduler(h.clock);
  private final ManualScheduler second = new ManualScheduler(h.clock);
  private final List<Address> firstKeys = RELAYERS.subList(0, 2);
  private RelayerEngine a;
  private RelayerEngine b;

  @AfterEach
  void stop() {
    h.close();
  }

  /** Starts "a" on two keys, then "b" on all three: "a" holds two, "b" the third. */
  private void startBoth() {
    a = h.leasing(firstKeys, "a", first, TTL);
    a.recover();
    b = h.leasing(RELAYERS, "b", second, TTL);
    b.recover();
  }

  /** One poll interval for the instances still running. */
  private void tick(ManualScheduler... running) {
    for (ManualScheduler scheduler : running) {
      scheduler.runDue();
    }
    h.clock.advance(POLL);
    for (ManualScheduler scheduler : running) {
      scheduler.runDue();
    }
  }

  private void runFor(Duration time, ManualScheduler... running) {
    for (long s = 0; s < time.dividedBy(POLL); s++) {
      tick(running);
    }
  }

  private RelayState state(RelayRecord record) {
    return h.journal.find(record.id()).orElseThrow().state();
  }

  @Test
  void givenTwoEnginesOnOneStore_whenBothStart_thenEachKeyIsHeldByExactlyOneAndBothSettle() {
    startBoth();

    assertThat(a.heldKeys()).containsExactlyElementsOf(firstKeys);
    assertThat(b.heldKeys()).containsExactly(RELAYERS.get(2));
    List<CompletableFuture<RelayRecord>> jobs = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      jobs.add(h.execute(n % 2 == 0 ? a : b, StoreSamples.tokenTransfer(Keys.of(300 + n), n)));
    }
    runFor(Duration.ofSeconds(3), first, second);

    assertThat(jobs).allSatisfy(job -> assertThat(job).isCompleted());
    assertThat(jobs).extracting(job -> job.join().state()).containsOnly(RelayState.CONFIRMED);
    assertThat(h.mempool.minedTransactions())
        .extracting(SignedTransaction::relayer)
        .containsOnly(RELAYERS.get(0), RELAYERS.get(1), RELAYERS.get(2));
    // Renewed all along: nobody took anything from anybody.
    runFor(TTL.multipliedBy(2), first, second);
    assertThat(a.heldKeys()).containsExactlyElementsOf(firstKeys);
    assertThat(b.heldKeys()).containsExactly(RELAYERS.get(2));
  }

  @Test
  void givenAnInstanceKilledWithSettlementsInFlight_whenItsLeasesExpire_thenTheOtherFinishesThem() {
    startBoth();
    h.mempool.automine = false;
    for (int n = 0; n < 6; n++) {
      h.execute(a, StoreSamples.tokenTransfer(Keys.of(400 + n), n));
    }
    first.runDue(); // "a" signs, records and sends them all ...
    RelayRecord neverSent = h.admit(StoreSamples.tokenTransfer(Keys.of(499), 99));
    a.execute(neverSent); // ... and accepts one more that it never gets to: then it is killed
    List<RelayRecord> inFlight = h.journal.inFlight();
    assertThat(h.mempool.accepted()).hasSize(6);

    runFor(TTL.plus(TTL.dividedBy(3)).plusSeconds(1), second);

    assertThat(b.heldKeys()).containsExactlyElementsOf(RELAYERS);
    h.mempool.automine = true;
    h.mempool.mine();
    runFor(TTL, second);
    assertThat(inFlight)
        .hasSize(7)
        .allSatisfy(r -> assertThat(state(r)).isEqualTo(RelayState.CONFIRMED));
    // Nothing sent twice: one transaction per job, the six out before the kill re-sent as they
    // were.
    assertThat(h.mempool.minedTransactions()).hasSize(7);
    assertThat(h.mempool.accepted()).hasSize(7);
    assertNoncesContiguous();
  }

  // The attack: an instance paused past its lease (a long GC pause, a frozen VM) wakes up, its
  // watch due to replace a transaction. The key is the other instance's now: nothing new may be
  // signed into its ledger or sent with it.
  @Test
  void givenAPausedInstanceThatLostItsKeys_whenItWakesUp_thenItWritesNoNonceAndSendsNothingNew() {
    startBoth();
    h.mempool.automine = false;
    RelayRecord job = h.admit(StoreSamples.tokenTransfer(Keys.of(600), 1));
    a.execute(job);
    first.runDue();
    assertThat(h.mempool.accepted()).hasSize(1);
    SignedTransaction original = h.mempool.accepted().get(0);

    // "a" is paused past its lease and past the time it would replace its transaction.
    runFor(EngineHarness.REPLACE_AFTER.plusSeconds(5), second);
    assertThat(b.heldKeys()).contains(original.relayer());

    first.runDue(); // "a" wakes up: its overdue watch tries to replace, then its lease renewal

    assertThat(a.heldKeys()).isEmpty();
    assertThat(h.mempool.accepted()).containsExactly(original);
    assertThat(h.ledger.pending(original.relayer()))
        .singleElement()
        .satisfies(n -> assertThat(n.transactions()).containsExactly(original));
    h.mempool.automine = true;
    h.mempool.mine();
    runFor(Duration.ofSeconds(3), second);
    assertThat(state(job)).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void givenAnInstanceThatLostItsKeys_whenTheirNewHolderDiesToo_thenItTakesThemBackAndFinishes() {
    startBoth();
    h.mempool.automine = false;
    RelayRecord job = h.admit(StoreSamples.tokenTransfer(Keys.of(800), 1));
    a.execute(job);
    first.runDue();
    runFor(TTL.plusSeconds(TTL.dividedBy(3).toSeconds() + 1), second); // "a" paused: "b" takes over
    assertThat(b.heldKeys()).containsExactlyElementsOf(RELAYERS);

    first.runDue(); // "a" wakes up and finds its keys gone; now "b" stops for good
    assertThat(a.heldKeys()).isEmpty();
    runFor(TTL.plusSeconds(TTL.dividedBy(3).toSeconds() + 1), first);

    assertThat(a.heldKeys()).containsExactlyElementsOf(firstKeys);
    h.mempool.automine = true;
    h.mempool.mine();
    runFor(Duration.ofSeconds(3), first);
    assertThat(state(job)).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.mempool.minedTransactions()).hasSize(1);
  }

  @Test
  void givenAnInstanceHoldingNoKey_whenItExecutesAJob_thenAKeyHolderSendsItAndItsCallerHearsOnce() {
    a = h.leasing(RELAYERS, "a", first, TTL);
    a.recover();
    RelayerEngine idle = h.leasing(RELAYERS, "c", second, TTL);
    idle.recover();
    assertThat(idle.heldKeys()).isEmpty();

    CompletableFuture<RelayRecord> job =
        h.execute(idle, StoreSamples.tokenTransfer(Keys.of(700), 1));
    tick(first, second);
    assertThat(h.journal.inFlight()).as("journaled, left for a key holder").hasSize(1);
    assertThat(h.mempool.accepted()).isEmpty();

    runFor(TTL.plusSeconds(TTL.dividedBy(3).toSeconds() + 2), first, second);

    assertThat(job).isCompleted();
    assertThat(job.join().state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.mempool.minedTransactions()).hasSize(1);
  }

  // Instances need not be configured with the same keys. One that takes over a key must pass over
  // in-flight work mined on a key it does not have, and go on to adopt the jobs left unsent.
  @Test
  void givenWorkMinedOnAKeyThisInstanceLacks_whenItTakesOverAKey_thenItAdoptsTheUnsentJobsAtOnce() {
    a = h.leasing(firstKeys, "a", first, TTL);
    a.recover();
    b = h.leasing(RELAYERS.subList(1, 3), "b", second, TTL);
    b.recover();
    assertThat(b.heldKeys()).containsExactly(RELAYERS.get(2));
    RelayRecord mined = h.admit(StoreSamples.tokenTransfer(Keys.of(900), 1));
    long nonce = h.ledger.assign(RELAYERS.get(0), Optional.of(mined.id()), 0).nonce();
    h.ledger.markMined(RELAYERS.get(0), nonce, StoreSamples.hash(900));
    h.journal.update(StoreSamples.submitted(mined, StoreSamples.hash(900), h.clock.instant()));
    RelayRecord unsent = h.admit(StoreSamples.tokenTransfer(Keys.of(901), 1));

    // "a" is killed: "b" takes over the key it is configured with, in one lease refresh.
    for (int s = 0; s < 2 * TTL.dividedBy(POLL) && !b.heldKeys().contains(RELAYERS.get(1)); s++) {
      tick(second);
    }
    assertThat(b.heldKeys()).contains(RELAYERS.get(1));
    tick(second);

    assertThat(h.mempool.accepted())
        .as("the unsent job adopted in the refresh that took the key")
        .singleElement()
        .satisfies(sent -> assertThat(sent.relayer()).isIn(RELAYERS.subList(1, 3)));
    assertThat(state(unsent)).isEqualTo(RelayState.CONFIRMED);
  }

  private void assertNoncesContiguous() {
    h.minedNonces()
        .forEach(
            (key, used) ->
                assertThat(used)
                    .as("nonces of " + key)
                    .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, used.size()).boxed().toList()));
  }
}
