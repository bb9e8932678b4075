package io.crogas.testfixtures;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.port.out.KeyLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Key leases in a map, with the same promises as the real stores. Share one between the {@link
 * InMemoryNonceLedger}s of several engines to have them share a store: the ledger's fenced writes
 * check the token holding this object's lock.
 */
public final class InMemoryKeyLeases implements KeyLeases {
  private final Map<Address, Slot> slots = new HashMap<>();

  @Override
  public synchronized Acquisition acquire(Address key, String holder, Instant now, Duration ttl) {
    Slot slot = slots.get(key);
    if (slot != null && slot.lease().isPresent()) {
      KeyLease held = slot.lease().get();
      if (!held.holder().equals(holder) && !held.expiredAt(now)) {
        return new Acquisition.HeldByOther(held.holder(), held.expires());
      }
    }
    long token = slot == null ? 1 : slot.token() + 1;
    KeyLease lease = new KeyLease(key, holder, token, now.plus(ttl));
    slots.put(key, new Slot(token, Optional.of(lease)));
    return new Acquisition.Granted(lease);
  }

  @Override
  public synchronized Renewal renew(KeyLease lease, Instant now, Duration ttl) {
    if (!isCurrent(lease)) {
      return new Renewal.Lost();
    }
    KeyLease renewed = lease.until(now.plus(ttl));
    slots.put(lease.key(), new Slot(lease.token(), Optional.of(renewed)));
    return new Renewal.Renewed(renewed);
  }

  @Override
  public synchronized void release(KeyLease lease) {
    if (isCurrent(lease)) {
      slots.put(lease.key(), new Slot(lease.token(), Optional.empty()));
    }
  }

  @Override
  public synchronized Optional<KeyLease> current(Address key) {
    return Optional.ofNullable(slots.get(key)).flatMap(Slot::lease);
  }

  /** Throws unless {@code lease} may write {@code key} now; call holding this object's lock. */
  void check(KeyLease lease, Address key) {
    if (!lease.key().equals(key) || !isCurrent(lease)) {
      throw new FencedOutException(key, lease.token());
    }
  }

  private boolean isCurrent(KeyLease lease) {
    Slot slot = slots.get(lease.key());
    return slot != null
        && slot.token() == lease.token()
        && slot.lease().map(held -> held.holder().equals(lease.holder())).orElse(false);
  }

  /** A key's last token, and its lease unless released. */
  private record Slot(long token, Optional<KeyLease> lease) {}
}
