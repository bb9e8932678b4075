package io.crogas.testfixtures.contracts;

import static io.crogas.testfixtures.StoreSamples.OTHER_RELAYER;
import static io.crogas.testfixtures.StoreSamples.RELAYER;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.hash;
import static io.crogas.testfixtures.StoreSamples.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.KeyLeases.Acquisition;
import io.crogas.domain.port.out.NonceLedger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NonceLedger} must do. A store passes by extending this class and returning a
 * fresh, empty ledger from {@link #newNonceLedger()} and its store's key leases from {@link
 * #leasesOf}; a durable one also overrides {@link #reopen}.
 */
public abstract class NonceLedgerContract {
  private NonceLedger ledger;

  /** A new ledger with no nonce assigned. */
  protected abstract NonceLedger newNonceLedger();

  /** The key leases of the store holding {@code ledger}: what its fenced views check. */
  protected abstract KeyLeases leasesOf(NonceLedger ledger);

  /** The same ledger as a restarted process sees it; in-memory stores return it unchanged. */
  protected NonceLedger reopen(NonceLedger current) {
    return current;
  }

  @BeforeEach
  void freshLedger() {
    ledger = newNonceLedger();
  }

  private NonceAssignment assign(String recordId, long chainFloor) {
    return ledger.assign(RELAYER, Optional.of(recordId), chainFloor);
  }

  private static NonceAssignment fresh(long nonce, Optional<String> recordId) {
    return new NonceAssignment(RELAYER, nonce, recordId, List.of(), Optional.empty());
  }

  @Test
  void givenAnEmptyLane_whenANonceIsAssigned_thenItIsTheChainFloor() {
    NonceAssignment assignment = assign("r-1", 7);

    assertThat(assignment).isEqualTo(fresh(7, Optional.of("r-1")));
    assertThat(ledger.forRecord("r-1")).contains(assignment);
    assertThat(ledger.pending(RELAYER)).containsExactly(assignment);
  }

  @Test
  void givenAssignedNonces_whenTheNextIsAssigned_thenTheHigherOfFloorAndHighestPlusOne() {
    assign("r-1", 7);

    assertThat(assign("r-2", 0).nonce()).isEqualTo(8);
    assertThat(assign("r-3", 8).nonce()).isEqualTo(9);
    assertThat(assign("r-4", 20).nonce()).isEqualTo(20);
    assertThat(assign("r-5", 3).nonce()).isEqualTo(21);
  }

  @Test
  void givenARecordHoldingANonce_whenAssignedAgain_thenTheSameAssignmentAndNoNonceUsed() {
    NonceAssignment first = assign("r-1", 7);
    ledger.recordSigned(signed(RELAYER, 7, 1));
    NonceAssignment signedFirst = ledger.forRecord("r-1").orElseThrow();

    NonceAssignment again = assign("r-1", 50);

    assertThat(again).isEqualTo(signedFirst);
    assertThat(signedFirst.nonce()).isEqualTo(first.nonce());
    assertThat(assign("r-2", 0).nonce()).isEqualTo(8);
  }

  @Test
  void givenGapFillers_whenAssigned_thenEachTakesItsOwnNonce() {
    NonceAssignment first = ledger.assign(RELAYER, Optional.empty(), 3);
    NonceAssignment second = ledger.assign(RELAYER, Optional.empty(), 3);

    assertThat(first).isEqualTo(fresh(3, Optional.empty()));
    assertThat(second).isEqualTo(fresh(4, Optional.empty()));
  }

  @Test
  void givenTwoRelayers_whenNoncesAreAssigned_thenEachLaneCountsOnItsOwn() {
    assign("r-1", 5);

    NonceAssignment other = ledger.assign(OTHER_RELAYER, Optional.of("r-2"), 0);

    assertThat(other.nonce()).isZero();
    assertThat(other.relayer()).isEqualTo(OTHER_RELAYER);
    assertThat(ledger.pending(OTHER_RELAYER)).containsExactly(other);
    assertThat(ledger.pending(RELAYER)).extracting(NonceAssignment::nonce).containsExactly(5L);
  }

  @Test
  void givenEightThreadsOnOneRelayer_whenEachAssigns_thenDistinctConsecutiveNonces()
      throws Exception {
    List<NonceAssignment> assignments = Race.run(8, n -> assign("r-" + n, 100));

    assertThat(assignments)
        .extracting(NonceAssignment::nonce)
        .containsExactlyInAnyOrderElementsOf(LongStream.range(100, 108).boxed().toList());
    assertThat(ledger.pending(RELAYER)).containsExactlyInAnyOrderElementsOf(assignments);
  }

  @Test
  void givenEightThreadsForOneRecord_whenEachAssigns_thenAllGetTheSameSingleNonce()
      throws Exception {
    List<NonceAssignment> assignments = Race.run(8, n -> assign("r-1", 100));

    assertThat(assignments).containsOnly(fresh(100, Optional.of("r-1")));
    assertThat(ledger.pending(RELAYER)).hasSize(1);
  }

  @Test
  void givenAnUnassignedNonce_whenASignedTransactionIsRecorded_thenFalseAndNothingWritten() {
    assign("r-1", 7);

    assertThat(ledger.recordSigned(signed(RELAYER, 8, 1))).isFalse();
    assertThat(ledger.recordSigned(signed(OTHER_RELAYER, 7, 2))).isFalse();
    assertThat(ledger.pending(RELAYER)).containsExactly(fresh(7, Optional.of("r-1")));
    assertThat(ledger.pending(OTHER_RELAYER)).isEmpty();
  }

  @Test
  void givenReplacements_whenRecorded_thenEverySignedTransactionIsKeptInOrder() {
    assign("r-1", 7);
    SignedTransaction original = signed(RELAYER, 7, 1);
    SignedTransaction bumped = signed(RELAYER, 7, 2);
    SignedTransaction bumpedAgain = signed(RELAYER, 7, 3);

    assertThat(ledger.recordSigned(original)).isTrue();
    assertThat(ledger.recordSigned(bumped)).isTrue();
    assertThat(ledger.recordSigned(bumpedAgain)).isTrue();

    NonceAssignment held = ledger.forRecord("r-1").orElseThrow();
    assertThat(held.transactions()).containsExactly(original, bumped, bumpedAgain);
    assertThat(held.latest()).contains(bumpedAgain);
    assertThat(ledger.pending(RELAYER)).containsExactly(held);
  }

  @Test
  void givenAMinedNonce_whenMarked_thenItLeavesPendingAndRefusesFurtherTransactions() {
    assign("r-1", 7);
    SignedTransaction sent = signed(RELAYER, 7, 1);
    ledger.recordSigned(sent);

    ledger.markMined(RELAYER, 7, sent.hash());

    assertThat(ledger.pending(RELAYER)).isEmpty();
    assertThat(ledger.recordSigned(signed(RELAYER, 7, 2))).isFalse();
    assertThat(ledger.forRecord("r-1"))
        .contains(
            new NonceAssignment(
                RELAYER, 7, Optional.of("r-1"), List.of(sent), Optional.of(sent.hash())));
  }

  @Test
  void givenANonceWhoseRecordFailed_whenOrphaned_thenItIsAGapFillerKeepingItsTransactions() {
    assign("r-1", 7);
    SignedTransaction unsent = signed(RELAYER, 7, 1);
    ledger.recordSigned(unsent);

    ledger.orphan(RELAYER, 7);

    assertThat(ledger.forRecord("r-1")).isEmpty();
    assertThat(ledger.pending(RELAYER))
        .containsExactly(
            new NonceAssignment(RELAYER, 7, Optional.empty(), List.of(unsent), Optional.empty()));
    assertThat(assign("r-2", 0).nonce()).isEqualTo(8);
  }

  @Test
  void givenSeveralNonces_whenPendingIsAsked_thenUnminedOnesLowestFirstWithTheirTransactions() {
    assign("r-1", 10);
    ledger.assign(RELAYER, Optional.empty(), 0);
    assign("r-3", 15);
    assign("r-4", 0);
    SignedTransaction t10 = signed(RELAYER, 10, 1);
    SignedTransaction t15a = signed(RELAYER, 15, 2);
    SignedTransaction t15b = signed(RELAYER, 15, 3);
    List.of(t15a, t10, t15b).forEach(ledger::recordSigned);
    ledger.markMined(RELAYER, 11, hash(9));

    assertThat(ledger.pending(RELAYER))
        .containsExactly(
            new NonceAssignment(RELAYER, 10, Optional.of("r-1"), List.of(t10), Optional.empty()),
            new NonceAssignment(
                RELAYER, 15, Optional.of("r-3"), List.of(t15a, t15b), Optional.empty()),
            fresh(16, Optional.of("r-4")));
  }

  @Test
  void givenAnUnknownRecord_whenLookedUp_thenEmpty() {
    assign("r-1", 0);

    assertThat(ledger.forRecord("r-2")).isEmpty();
    assertThat(ledger.pending(OTHER_RELAYER)).isEmpty();
  }

  @Test
  void givenAssignedAndSignedNonces_whenTheLedgerIsReopened_thenNothingIsLost() {
    assign("r-1", 41);
    SignedTransaction sent = signed(RELAYER, 41, 1);
    ledger.recordSigned(sent);
    assign("r-2", 0);
    ledger.markMined(RELAYER, 42, hash(5));

    NonceLedger reopened = reopen(ledger);

    assertThat(reopened.pending(RELAYER))
        .containsExactly(
            new NonceAssignment(RELAYER, 41, Optional.of("r-1"), List.of(sent), Optional.empty()));
    assertThat(reopened.forRecord("r-2").flatMap(NonceAssignment::mined)).contains(hash(5));
    assertThat(reopened.assign(RELAYER, Optional.of("r-3"), 0).nonce()).isEqualTo(43);
  }

  private KeyLease lease(String holder, long atSecond) {
    return ((Acquisition.Granted)
            leasesOf(ledger).acquire(RELAYER, holder, at(atSecond), Duration.ofSeconds(15)))
        .lease();
  }

  @Test
  void givenTheCurrentLease_whenItsFencedViewWrites_thenEveryWriteLandsAsWithoutAFence() {
    NonceLedger lane = ledger.fenced(lease("a", 0));

    NonceAssignment first = lane.assign(RELAYER, Optional.of("r-1"), 7);
    SignedTransaction sent = signed(RELAYER, 7, 1);
    assertThat(lane.recordSigned(sent)).isTrue();
    assertThat(lane.recordSigned(signed(RELAYER, 9, 2))).isFalse();
    lane.assign(RELAYER, Optional.of("r-2"), 0);
    lane.markMined(RELAYER, 7, sent.hash());
    lane.orphan(RELAYER, 8);

    assertThat(first).isEqualTo(fresh(7, Optional.of("r-1")));
    assertThat(lane.assign(RELAYER, Optional.of("r-1"), 50).mined()).contains(sent.hash());
    assertThat(ledger.pending(RELAYER)).containsExactly(fresh(8, Optional.empty()));
    assertThat(lane.pending(RELAYER)).isEqualTo(ledger.pending(RELAYER));
  }

  @Test
  void givenARenewedLease_whenItsFencedViewWrites_thenAccepted() {
    KeyLease lease = lease("a", 0);
    KeyLeases.Renewal renewal = leasesOf(ledger).renew(lease, at(10), Duration.ofSeconds(15));

    NonceLedger lane = ledger.fenced(((KeyLeases.Renewal.Renewed) renewal).lease());

    assertThat(lane.assign(RELAYER, Optional.of("r-1"), 3).nonce()).isEqualTo(3);
    assertThat(ledger.fenced(lease).recordSigned(signed(RELAYER, 3, 1))).isTrue();
  }

  @Test
  void givenAReleasedLease_whenItsFencedViewWrites_thenFencedOutAndNothingWritten() {
    KeyLease lease = lease("a", 0);
    NonceLedger lane = ledger.fenced(lease);
    lane.assign(RELAYER, Optional.of("r-1"), 3);
    leasesOf(ledger).release(lease);

    assertThatThrownBy(() -> lane.assign(RELAYER, Optional.of("r-2"), 0))
        .isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> lane.recordSigned(signed(RELAYER, 3, 1)))
        .isInstanceOf(FencedOutException.class);
    assertThat(ledger.pending(RELAYER)).containsExactly(fresh(3, Optional.of("r-1")));
  }

  @Test
  void givenALeaseOnOneKey_whenItsFencedViewWritesAnotherKey_thenFencedOut() {
    NonceLedger lane = ledger.fenced(lease("a", 0));

    assertThatThrownBy(() -> lane.assign(OTHER_RELAYER, Optional.of("r-1"), 0))
        .isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> lane.orphan(OTHER_RELAYER, 0)).isInstanceOf(FencedOutException.class);
    assertThat(ledger.pending(OTHER_RELAYER)).isEmpty();
  }

  @Test
  void givenANewerGrant_whenTheOlderLeaseWrites_thenFencedOutAndTheNewerWrites() {
    KeyLease older = lease("a", 0);
    KeyLease newer = lease("b", 15);
    ledger.fenced(newer).assign(RELAYER, Optional.of("r-1"), 5);

    assertThatThrownBy(() -> ledger.fenced(older).markMined(RELAYER, 5, hash(1)))
        .isInstanceOf(FencedOutException.class);
    assertThat(ledger.pending(RELAYER)).containsExactly(fresh(5, Optional.of("r-1")));
  }

  @Test
  void givenEightThreadsUnderOneLease_whenEachAssigns_thenDistinctConsecutiveNonces()
      throws Exception {
    NonceLedger lane = ledger.fenced(lease("a", 0));

    List<NonceAssignment> assignments =
        Race.run(8, n -> lane.assign(RELAYER, Optional.of("r-" + n), 100));

    assertThat(assignments)
        .extracting(NonceAssignment::nonce)
        .containsExactlyInAnyOrderElementsOf(LongStream.range(100, 108).boxed().toList());
  }
}
