package io.crogas.testfixtures.contracts;

import static io.crogas.testfixtures.StoreSamples.ALICE;
import static io.crogas.testfixtures.StoreSamples.BOB;
import static io.crogas.testfixtures.StoreSamples.UINT256_MAX;
import static io.crogas.testfixtures.StoreSamples.accepted;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.confirmed;
import static io.crogas.testfixtures.StoreSamples.failed;
import static io.crogas.testfixtures.StoreSamples.forwarderCall;
import static io.crogas.testfixtures.StoreSamples.hash;
import static io.crogas.testfixtures.StoreSamples.submitted;
import static io.crogas.testfixtures.StoreSamples.tokenTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.Journal.Admission;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Journal} must do. A store passes by extending this class and returning a fresh,
 * empty journal from {@link #newJournal()}; a durable one also overrides {@link #reopen}.
 *
 * <p>Orders: "oldest" and "newest" are by creation time (the first history event), ties broken by
 * admission order.
 */
public abstract class JournalContract {
  private Journal journal;

  /** A new, empty journal. */
  protected abstract Journal newJournal();

  /** The same journal as a restarted process sees it; in-memory stores return it unchanged. */
  protected Journal reopen(Journal current) {
    return current;
  }

  @BeforeEach
  void freshJournal() {
    journal = newJournal();
  }

  @Test
  void givenANewKey_whenAdmitted_thenAdmittedAndFoundByIdAndByKey() {
    RelayRecord record = accepted("r-1", forwarderCall(ALICE, 0), at(0));

    Admission admission = journal.admit(record);

    assertThat(admission).isEqualTo(new Admission.Admitted(record));
    assertThat(journal.find("r-1")).contains(record);
    assertThat(journal.findByKey(record.key())).contains(record);
  }

  @Test
  void givenAnAdmittedKey_whenAnotherRecordWithTheSameKeyIsAdmitted_thenTheFirstIsReturned() {
    RelayRecord first = accepted("r-1", forwarderCall(ALICE, 0), at(0));
    RelayRecord second = accepted("r-2", forwarderCall(ALICE, 0), at(5));
    journal.admit(first);

    Admission admission = journal.admit(second);

    assertThat(admission).isEqualTo(new Admission.Existing(first));
    assertThat(journal.find("r-2")).isEmpty();
    assertThat(journal.recent(Optional.empty(), 10)).containsExactly(first);
  }

  @Test
  void givenEightThreads_whenEachAdmitsTheSameKey_thenExactlyOneIsAdmitted() throws Exception {
    List<Admission> admissions =
        Race.run(8, n -> journal.admit(accepted("r-" + n, tokenTransfer(BOB, 1), at(n))));

    List<Admission.Admitted> admitted = admitted(admissions);
    assertThat(admitted).hasSize(1);
    RelayRecord winner = admitted.get(0).record();
    assertThat(admissions)
        .filteredOn(a -> a != admitted.get(0))
        .containsOnly(new Admission.Existing(winner));
    assertThat(journal.recent(Optional.empty(), 10)).containsExactly(winner);
  }

  @Test
  void givenEightThreads_whenEachAdmitsItsOwnKey_thenAllAreAdmitted() throws Exception {
    List<Admission> admissions =
        Race.run(8, n -> journal.admit(accepted("r-" + n, forwarderCall(ALICE, n), at(n))));

    assertThat(admissions).allMatch(Admission.Admitted.class::isInstance);
    assertThat(journal.inFlightNonces(ALICE.address()))
        .containsExactlyElementsOf(LongStream.range(0, 8).mapToObj(BigInteger::valueOf).toList());
  }

  @Test
  void
      givenACallInFlight_whenAnotherCallOfTheSameUserAndNonceIsAdmitted_thenRefusedAndNotWritten() {
    RelayRecord first = accepted("r-1", forwarderCall(ALICE, 3, 0), at(0));
    RelayRecord other = accepted("r-2", forwarderCall(ALICE, 3, 1), at(1));
    RelayRecord bobs = accepted("r-3", forwarderCall(BOB, 3, 1), at(2));
    journal.admit(first);

    Admission admission = journal.admit(other);

    assertThat(other.key()).isNotEqualTo(first.key());
    assertThat(admission).isEqualTo(new Admission.NonceInFlight(first));
    assertThat(journal.find("r-2")).isEmpty();
    assertThat(journal.admit(bobs)).isEqualTo(new Admission.Admitted(bobs));
  }

  @Test
  void givenTheCallHoldingANonceFinished_whenAnotherWithThatNonceIsAdmitted_thenAdmitted() {
    RelayRecord first = accepted("r-1", forwarderCall(ALICE, 3, 0), at(0));
    RelayRecord other = accepted("r-2", forwarderCall(ALICE, 3, 1), at(1));
    journal.admit(first);
    write(failed(first, "reverts before sending", at(1)));

    assertThat(journal.admit(other)).isEqualTo(new Admission.Admitted(other));
  }

  @Test
  void givenEightThreads_whenEachAdmitsAnotherCallWithOneNonce_thenExactlyOneIsAdmitted()
      throws Exception {
    List<Admission> admissions =
        Race.run(8, n -> journal.admit(accepted("r-" + n, forwarderCall(ALICE, 9, n), at(n))));

    List<Admission.Admitted> admitted = admitted(admissions);
    assertThat(admitted).hasSize(1);
    assertThat(admissions)
        .filteredOn(a -> a != admitted.get(0))
        .containsOnly(new Admission.NonceInFlight(admitted.get(0).record()));
    assertThat(journal.inFlight()).containsExactly(admitted.get(0).record());
  }

  @Test
  void givenTheStoredVersion_whenTheNextIsUpdated_thenItReplacesIt() {
    RelayRecord record = accepted("r-1", forwarderCall(ALICE, 0), at(0));
    journal.admit(record);
    RelayRecord next = submitted(record, hash(1), at(1));

    boolean updated = journal.update(next);

    assertThat(updated).isTrue();
    assertThat(journal.find("r-1")).contains(next);
    assertThat(journal.findByKey(record.key())).contains(next);
  }

  @Test
  void givenAnotherWriterWentFirst_whenAStaleVersionIsUpdated_thenFalseAndNothingWritten() {
    RelayRecord record = accepted("r-1", forwarderCall(ALICE, 0), at(0));
    journal.admit(record);
    RelayRecord winner = submitted(record, hash(1), at(1));
    RelayRecord loser = failed(record, "relayer out of funds", at(2));
    write(winner);

    boolean updated = journal.update(loser);

    assertThat(updated).isFalse();
    assertThat(journal.find("r-1")).contains(winner);
  }

  @Test
  void givenAVersionThatSkipsOne_whenUpdated_thenFalseAndNothingWritten() {
    RelayRecord record = accepted("r-1", forwarderCall(ALICE, 0), at(0));
    journal.admit(record);
    RelayRecord skipping = submitted(submitted(record, hash(1), at(1)), hash(2), at(2));

    assertThat(journal.update(skipping)).isFalse();
    assertThat(journal.find("r-1")).contains(record);
  }

  @Test
  void givenAnUnknownId_whenUpdated_thenFalseAndNothingWritten() {
    RelayRecord never = submitted(accepted("r-9", forwarderCall(ALICE, 0), at(0)), hash(1), at(1));

    assertThat(journal.update(never)).isFalse();
    assertThat(journal.find("r-9")).isEmpty();
  }

  @Test
  void givenEightWritersFromTheSameVersion_whenTheyUpdate_thenExactlyOneWins() throws Exception {
    RelayRecord record = accepted("r-1", forwarderCall(ALICE, 0), at(0));
    journal.admit(record);
    List<RelayRecord> candidates =
        LongStream.range(0, 8).mapToObj(n -> submitted(record, hash(100 + n), at(1))).toList();

    List<Boolean> results = Race.run(8, n -> journal.update(candidates.get(n)));

    assertThat(results).containsOnlyOnce(true);
    assertThat(journal.find("r-1")).contains(candidates.get(results.indexOf(true)));
  }

  @Test
  void givenNothingStored_whenLookedUp_thenEmpty() {
    assertThat(journal.find("missing")).isEmpty();
    assertThat(journal.findByKey(new IdempotencyKey("meta:338:0x00"))).isEmpty();
    assertThat(journal.inFlight()).isEmpty();
    assertThat(journal.recent(Optional.empty(), 10)).isEmpty();
    assertThat(journal.inFlightNonces(ALICE.address())).isEmpty();
  }

  @Test
  void givenEveryJobVariantAndStep_whenStoredAndRead_thenEachComesBackEqual() {
    List<RelayRecord> finals = storeEveryShape();

    for (RelayRecord stored : finals) {
      assertThat(journal.find(stored.id())).contains(stored);
      assertThat(journal.findByKey(stored.key())).contains(stored);
    }
  }

  @Test
  void givenStoredRecords_whenTheJournalIsReopened_thenEveryRecordIsStillThere() {
    List<RelayRecord> finals = storeEveryShape();

    Journal reopened = reopen(journal);

    for (RelayRecord stored : finals) {
      assertThat(reopened.find(stored.id())).contains(stored);
    }
    assertThat(reopened.inFlight()).extracting(RelayRecord::id).containsExactly("unpaid", "x402");
  }

  @Test
  void givenRecordsInEveryState_whenInFlightIsAsked_thenOnlyUnfinishedOldestFirst() {
    RelayRecord late = accepted("late", forwarderCall(ALICE, 2), at(30));
    RelayRecord early = accepted("early", tokenTransfer(BOB, 1), at(10));
    RelayRecord middle = accepted("middle", forwarderCall(BOB, 0), at(20));
    RelayRecord done = accepted("done", forwarderCall(ALICE, 1), at(0));
    // Admitted out of creation order: the order asked for is creation time, not arrival.
    List.of(late, early, middle, done).forEach(journal::admit);
    RelayRecord middleSent = submitted(middle, hash(1), at(21));
    write(middleSent);
    write(failed(done, "deadline passed", at(1)));

    assertThat(journal.inFlight()).containsExactly(early, middleSent, late);
  }

  @Test
  void givenRecordsCreatedAtTheSameInstant_whenListed_thenAdmissionOrderBreaksTheTie() {
    RelayRecord first = accepted("first", forwarderCall(ALICE, 0), at(0));
    RelayRecord second = accepted("second", forwarderCall(ALICE, 1), at(0));
    journal.admit(first);
    journal.admit(second);

    assertThat(journal.inFlight()).containsExactly(first, second);
    assertThat(journal.recent(Optional.empty(), 10)).containsExactly(second, first);
  }

  @Test
  void givenRecordsOfTwoPayers_whenRecentIsAsked_thenNewestFirstFilteredAndLimited() {
    RelayRecord a0 = accepted("a0", forwarderCall(ALICE, 0), at(0));
    RelayRecord b1 = accepted("b1", tokenTransfer(BOB, 1), at(1));
    RelayRecord a2 = accepted("a2", tokenTransfer(ALICE, 2), at(2));
    RelayRecord b3 = accepted("b3", forwarderCall(BOB, 0), at(3));
    RelayRecord a4 = accepted("a4", forwarderCall(ALICE, 1), at(4));
    List.of(a2, a0, b3, a4, b1).forEach(journal::admit);
    RelayRecord a0Failed = failed(a0, "nonce already used", at(5));
    write(a0Failed);

    assertThat(journal.recent(Optional.empty(), 10)).containsExactly(a4, b3, a2, b1, a0Failed);
    assertThat(journal.recent(Optional.empty(), 2)).containsExactly(a4, b3);
    assertThat(journal.recent(Optional.of(ALICE.address()), 10)).containsExactly(a4, a2, a0Failed);
    assertThat(journal.recent(Optional.of(BOB.address()), 1)).containsExactly(b3);
  }

  @Test
  void givenMixedJobs_whenInFlightNoncesAreAsked_thenOnlyThatUsersUnfinishedForwarderCalls() {
    RelayRecord a5 = accepted("a5", forwarderCall(ALICE, 5), at(0));
    RelayRecord a3 = accepted("a3", forwarderCall(ALICE, 3), at(1));
    RelayRecord aHuge = accepted("aHuge", forwarderCall(ALICE, UINT256_MAX, false), at(2));
    RelayRecord aDone = accepted("aDone", forwarderCall(ALICE, 4), at(3));
    RelayRecord aFailed = accepted("aFailed", forwarderCall(ALICE, 6), at(4));
    RelayRecord aTransfer = accepted("aTransfer", tokenTransfer(ALICE, 7), at(5));
    RelayRecord b7 = accepted("b7", forwarderCall(BOB, 7), at(6));
    List.of(a5, a3, aHuge, aDone, aFailed, aTransfer, b7).forEach(journal::admit);
    write(confirmed(write(submitted(aDone, hash(4), at(7))), true, at(8)));
    write(failed(aFailed, "simulation reverted", at(7)));

    assertThat(journal.inFlightNonces(ALICE.address()))
        .containsExactly(BigInteger.valueOf(3), BigInteger.valueOf(5), UINT256_MAX);
    assertThat(journal.inFlightNonces(BOB.address())).containsExactly(BigInteger.valueOf(7));
  }

  /**
   * Stores a record of each job variant through the steps that fill its optional fields, writing
   * every version, and returns the last version of each.
   */
  private List<RelayRecord> storeEveryShape() {
    RelayRecord paid = accepted("paid", forwarderCall(ALICE, 0), at(0));
    RelayRecord unpaid = accepted("unpaid", forwarderCall(BOB, UINT256_MAX, false), at(1));
    RelayRecord x402 = accepted("x402", tokenTransfer(BOB, 42), at(2));
    RelayRecord reverted = accepted("reverted", tokenTransfer(ALICE, 43), at(3));
    RelayRecord refused = accepted("refused", forwarderCall(ALICE, 1), at(4));
    List.of(paid, unpaid, x402, reverted, refused).forEach(journal::admit);

    RelayRecord paidSent = write(submitted(paid, hash(1), at(10)));
    RelayRecord paidReplaced = write(submitted(paidSent, hash(2), at(20)));
    RelayRecord paidDone = write(confirmed(paidReplaced, true, at(30)));
    RelayRecord x402Sent = write(submitted(x402, hash(3), at(11)));
    RelayRecord revertedDone =
        write(confirmed(write(submitted(reverted, hash(4), at(12))), false, at(13)));
    RelayRecord refusedDone =
        write(failed(refused, "Ünïcode \"quoted\" reason\nwith a newline ✓", at(14)));
    return List.of(paidDone, unpaid, x402Sent, revertedDone, refusedDone);
  }

  private static List<Admission.Admitted> admitted(List<Admission> admissions) {
    return admissions.stream()
        .filter(Admission.Admitted.class::isInstance)
        .map(Admission.Admitted.class::cast)
        .toList();
  }

  private RelayRecord write(RelayRecord next) {
    assertThat(journal.update(next)).as("update of %s to v%d", next.id(), next.version()).isTrue();
    return next;
  }
}
