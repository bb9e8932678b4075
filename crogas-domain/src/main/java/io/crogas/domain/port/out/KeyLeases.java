package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.KeyLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which instance writes each relayer key's nonce lane, when several instances share one store. A
 * key has at most one unexpired lease; each grant carries a fencing token larger than any before it
 * for that key, which the store's {@link NonceLedger#fenced fenced ledger} checks atomically with
 * every write. The time is the caller's ({@code now}): instances' clocks should agree to well
 * within a lease's time to live, and the fencing keeps the lanes safe when they do not.
 */
public interface KeyLeases {

  /**
   * Grants {@code key} to {@code holder} until {@code now + ttl} under a new, larger fencing token
   * when it is free: never leased, released, expired at {@code now}, or held by {@code holder}
   * itself (an instance restarted under the same id takes its keys back at once, fencing out its
   * former self). Otherwise nothing changes and the answer names the holder.
   */
  Acquisition acquire(Address key, String holder, Instant now, Duration ttl);

  /**
   * Extends {@code lease} to {@code now + ttl} while its token is still the key's current one (also
   * after its expiry, if nobody took the key meanwhile: nobody else could write); otherwise {@link
   * Renewal.Lost}.
   */
  Renewal renew(KeyLease lease, Instant now, Duration ttl);

  /** Frees the key if {@code lease} is its current one; a stale lease releases nothing. */
  void release(KeyLease lease);

  /** The key's current lease (possibly expired), or empty if never leased or released. */
  Optional<KeyLease> current(Address key);

  /** The result of {@link #acquire}. */
  sealed interface Acquisition permits Acquisition.Granted, Acquisition.HeldByOther {
    record Granted(KeyLease lease) implements Acquisition {}

    /** Another instance holds the key until {@code until}. */
    record HeldByOther(String holder, Instant until) implements Acquisition {}
  }

  /** The result of {@link #renew}. */
  sealed interface Renewal permits Renewal.Renewed, Renewal.Lost {
    record Renewed(KeyLease lease) implements Renewal {}

    /** The key was taken over or released: the former holder must stop writing its lane. */
    record Lost() implements Renewal {}
  }
}
