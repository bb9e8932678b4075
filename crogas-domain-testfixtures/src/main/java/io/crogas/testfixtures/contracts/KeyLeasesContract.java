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
import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.KeyLeases.Acquisition;
import io.crogas.domain.port.out.KeyLeases.Renewal;
import io.crogas.domain.port.out.NonceLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyLeases} must do, with the {@link NonceLedger} of the same store that its
 * tokens fence. A store passes by extending this class and returning fresh, empty leases from
 * {@link #newKeyLeases()} and their store's ledger from {@link #ledgerOf}; a durable one also
 * overrides {@link #reopen}.
 */
public abstract class KeyLeasesContract {
  private static final Duration TTL = Duration.ofSeconds(15);
  private static final Instant NOW = at(0);

  private KeyLeases leases;

  /** New leases with no key ever leased. */
  protected abstract KeyLeases newKeyLeases();

  /** The nonce ledger of the store holding {@code leases}: its fenced writes check them. */
  protected abstract NonceLedger ledgerOf(KeyLeases leases);

  /** The same leases as a restarted process sees them; in-memory stores return them unchanged. */
  protected KeyLeases reopen(KeyLeases current) {
    return current;
  }

  @BeforeEach
  void freshLeases() {
    leases = newKeyLeases();
  }

  private KeyLease grant(String holder, Instant now) {
    Acquisition acquisition = leases.acquire(RELAYER, holder, now, TTL);
    assertThat(acquisition).isInstanceOf(Acquisition.Granted.class);
    return ((Acquisition.Granted) acquisition).lease();
  }

  @Test
  void givenAFreeKey_whenAcquired_thenGrantedUntilNowPlusTtlWithAPositiveToken() {
    KeyLease lease = grant("a", NOW);

    assertThat(lease.key()).isEqualTo(RELAYER);
    assertThat(lease.holder()).isEqualTo("a");
    assertThat(lease.token()).isPositive();
    assertThat(lease.expires()).isEqualTo(NOW.plus(TTL));
    assertThat(leases.current(RELAYER)).contains(lease);
    assertThat(leases.current(OTHER_RELAYER)).isEmpty();
  }

  @Test
  void givenAHeldKey_whenAnotherAcquiresBeforeItExpires_thenHeldByOtherAndNothingChanges() {
    KeyLease lease = grant("a", NOW);

    Acquisition second = leases.acquire(RELAYER, "b", NOW.plus(TTL).minusNanos(1), TTL);

    assertThat(second).isEqualTo(new Acquisition.HeldByOther("a", lease.expires()));
    assertThat(leases.current(RELAYER)).contains(lease);
  }

  @Test
  void givenAnExpiredLease_whenAnotherAcquires_thenItTakesTheKeyWithALargerToken() {
    KeyLease first = grant("a", NOW);

    KeyLease second = grant("b", first.expires());

    assertThat(second.holder()).isEqualTo("b");
    assertThat(second.token()).isGreaterThan(first.token());
    assertThat(second.expires()).isEqualTo(first.expires().plus(TTL));
    assertThat(leases.renew(first, first.expires(), TTL)).isEqualTo(new Renewal.Lost());
    assertThat(leases.current(RELAYER)).contains(second);
  }

  @Test
  void givenAHeldKey_whenItsHolderAcquiresAgain_thenANewTokenAndTheOldGrantIsLost() {
    KeyLease before = grant("a", NOW);

    KeyLease after = grant("a", NOW.plusSeconds(1));

    assertThat(after.token()).isGreaterThan(before.token());
    assertThat(leases.renew(before, NOW.plusSeconds(2), TTL)).isEqualTo(new Renewal.Lost());
  }

  @Test
  void givenTheHolder_whenItRenews_thenTheSameTokenUntilNowPlusTtl() {
    KeyLease lease = grant("a", NOW);

    Renewal renewal = leases.renew(lease, NOW.plusSeconds(5), TTL);

    KeyLease renewed = lease.until(NOW.plusSeconds(5).plus(TTL));
    assertThat(renewal).isEqualTo(new Renewal.Renewed(renewed));
    assertThat(leases.current(RELAYER)).contains(renewed);
    assertThat(leases.acquire(RELAYER, "b", lease.expires(), TTL))
        .isEqualTo(new Acquisition.HeldByOther("a", renewed.expires()));
  }

  @Test
  void givenAnExpiredLeaseNobodyTook_whenItsHolderRenews_thenRenewed() {
    KeyLease lease = grant("a", NOW);

    Renewal renewal = leases.renew(lease, lease.expires().plusSeconds(3), TTL);

    assertThat(renewal)
        .isEqualTo(new Renewal.Renewed(lease.until(lease.expires().plusSeconds(3).plus(TTL))));
  }

  @Test
  void givenAHeldKey_whenAnotherInstanceRenewsUnderTheSameToken_thenLostAndNothingChanges() {
    KeyLease lease = grant("a", NOW);
    KeyLease forged = new KeyLease(RELAYER, "b", lease.token(), lease.expires());

    assertThat(leases.renew(forged, NOW.plusSeconds(1), TTL)).isEqualTo(new Renewal.Lost());
    assertThat(leases.current(RELAYER)).contains(lease);
  }

  @Test
  void givenAHeldKey_whenReleased_thenFreeAndTheNextGrantHasALargerToken() {
    KeyLease lease = grant("a", NOW);

    leases.release(lease);

    assertThat(leases.current(RELAYER)).isEmpty();
    assertThat(leases.renew(lease, NOW.plusSeconds(1), TTL)).isEqualTo(new Renewal.Lost());
    KeyLease next = grant("b", NOW.plusSeconds(1));
    assertThat(next.token()).isGreaterThan(lease.token());
  }

  @Test
  void givenATakenOverKey_whenTheFormerHolderReleases_thenTheNewLeaseStays() {
    KeyLease stale = grant("a", NOW);
    KeyLease taken = grant("b", stale.expires());

    leases.release(stale);

    assertThat(leases.current(RELAYER)).contains(taken);
  }

  @Test
  void givenTwoKeys_whenLeased_thenEachHasItsOwnHolder() {
    KeyLease mine = grant("a", NOW);

    Acquisition other = leases.acquire(OTHER_RELAYER, "b", NOW, TTL);

    assertThat(other).isInstanceOf(Acquisition.Granted.class);
    assertThat(leases.current(RELAYER)).contains(mine);
    assertThat(leases.current(OTHER_RELAYER).map(KeyLease::holder)).contains("b");
  }

  @Test
  void givenEightInstances_whenEachAcquiresAFreeKeyAtOnce_thenExactlyOneIsGranted()
      throws Exception {
    List<Acquisition> outcomes = Race.run(8, n -> leases.acquire(RELAYER, "i-" + n, NOW, TTL));

    assertThat(outcomes).filteredOn(Acquisition.Granted.class::isInstance).hasSize(1);
    KeyLease winner =
        outcomes.stream()
            .filter(Acquisition.Granted.class::isInstance)
            .map(o -> ((Acquisition.Granted) o).lease())
            .findFirst()
            .orElseThrow();
    assertThat(outcomes)
        .filteredOn(Acquisition.HeldByOther.class::isInstance)
        .containsOnly(new Acquisition.HeldByOther(winner.holder(), winner.expires()));
    assertThat(leases.current(RELAYER)).contains(winner);
  }

  @Test
  void givenAnExpiredLease_whenEightInstancesTakeItOverAtOnce_thenExactlyOneIsGranted()
      throws Exception {
    KeyLease lapsed = grant("a", NOW);

    List<Acquisition> outcomes =
        Race.run(8, n -> leases.acquire(RELAYER, "i-" + n, lapsed.expires(), TTL));

    assertThat(outcomes).filteredOn(Acquisition.Granted.class::isInstance).hasSize(1);
    assertThat(leases.current(RELAYER).map(KeyLease::token)).contains(lapsed.token() + 1);
  }

  // The attack: an instance paused past its lease wakes up and writes the lane another instance
  // took over. Every write is refused and nothing of it lands; the new holder's writes go on.
  @Test
  void givenATakenOverKey_whenTheStaleHolderWritesItsLane_thenEveryWriteIsFencedOut() {
    NonceLedger ledger = ledgerOf(leases);
    KeyLease stale = grant("a", NOW);
    NonceLedger staleLane = ledger.fenced(stale);
    staleLane.assign(RELAYER, Optional.of("r-1"), 7);
    assertThat(staleLane.recordSigned(signed(RELAYER, 7, 1))).isTrue();
    KeyLease taken = grant("b", stale.expires());
    NonceLedger newLane = ledger.fenced(taken);
    List<NonceAssignment> before = ledger.pending(RELAYER);

    assertThatThrownBy(() -> staleLane.assign(RELAYER, Optional.of("r-2"), 0))
        .isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> staleLane.recordSigned(signed(RELAYER, 7, 2)))
        .isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> staleLane.markMined(RELAYER, 7, hash(3)))
        .isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> staleLane.orphan(RELAYER, 7)).isInstanceOf(FencedOutException.class);

    assertThat(ledger.pending(RELAYER)).isEqualTo(before);
    assertThat(newLane.assign(RELAYER, Optional.of("r-2"), 0).nonce()).isEqualTo(8);
    assertThat(newLane.recordSigned(signed(RELAYER, 8, 4))).isTrue();
  }

  @Test
  void givenLeases_whenTheStoreIsReopened_thenTheHolderStaysAndTokensKeepGrowing() {
    KeyLease first = grant("a", NOW);
    leases.release(first);
    KeyLease held = grant("b", NOW.plusSeconds(1));

    leases = reopen(leases);

    assertThat(leases.current(RELAYER)).contains(held);
    KeyLease next = grant("c", held.expires());
    assertThat(next.token()).isGreaterThan(held.token());
  }
}
