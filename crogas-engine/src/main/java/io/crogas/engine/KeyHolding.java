package io.crogas.engine;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.port.out.KeyLeases.Acquisition;
import io.crogas.domain.port.out.KeyLeases.Renewal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which of the configured keys this engine may write now. Without {@link Leasing} it holds every
 * key for good (one instance alone on its store); with it, the keys whose leases it holds: {@link
 * #refresh} renews them and tries the others, and a key whose renewal failed or whose write was
 * fenced out is let go at once ({@code onLost}).
 */
final class KeyHolding {
  private static final System.Logger LOG = System.getLogger(KeyHolding.class.getName());

  private final List<Address> keys;
  private final Optional<Leasing> leasing;
  private final InstantSource clock;
  private final Map<Address, KeyLease> held = new ConcurrentHashMap<>();
  private volatile Consumer<Address> onLost = key -> {};

  KeyHolding(List<Address> keys, Optional<Leasing> leasing, InstantSource clock) {
    this.keys = List.copyOf(keys);
    this.leasing = leasing;
    this.clock = clock;
  }

  /** What to do the moment a key is let go: stop its lane. */
  void onLost(Consumer<Address> action) {
    this.onLost = action;
  }

  boolean leased() {
    return leasing.isPresent();
  }

  boolean holds(Address key) {
    return leasing.isEmpty() || held.containsKey(key);
  }

  /** Whether this engine may run any lane at all. */
  boolean holdsAny() {
    return leasing.isEmpty() || !held.isEmpty();
  }

  /** The lease {@code key}'s writes are fenced by; empty when the key is not held. */
  Optional<KeyLease> lease(Address key) {
    return Optional.ofNullable(held.get(key));
  }

  /** Renews every held lease and tries every free key; returns the keys newly gained. */
  List<Address> refresh() {
    if (leasing.isEmpty()) {
      return List.of();
    }
    Leasing l = leasing.get();
    List<Address> gained = new ArrayList<>();
    for (Address key : keys) {
      KeyLease lease = held.get(key);
      if (lease != null) {
        Renewal renewal = l.leases().renew(lease, clock.instant(), l.ttl());
        if (renewal instanceof Renewal.Renewed renewed) {
          held.replace(key, lease, renewed.lease());
        } else {
          lose(key, "its lease renewal was refused");
        }
      } else if (l.leases().acquire(key, l.holder(), clock.instant(), l.ttl())
          instanceof Acquisition.Granted granted) {
        held.put(key, granted.lease());
        LOG.log(
            System.Logger.Level.INFO,
            "instance {0} holds relayer {1} (fencing token {2})",
            l.holder(),
            key,
            granted.lease().token());
        gained.add(key);
      }
    }
    return gained;
  }

  /** A write under {@code key}'s lease was fenced out: another instance has the key now. */
  void fencedOut(FencedOutException e) {
    lose(e.key(), "a write under fencing token " + e.token() + " was refused");
  }

  /** Gives every held key back (a clean shutdown: the others take them at once). */
  void releaseAll() {
    leasing.ifPresent(l -> held.values().forEach(l.leases()::release));
    held.clear();
  }

  private void lose(Address key, String why) {
    if (held.remove(key) != null) {
      LOG.log(System.Logger.Level.WARNING, "relayer {0} lost to another instance: {1}", key, why);
      onLost.accept(key);
    }
  }
}
