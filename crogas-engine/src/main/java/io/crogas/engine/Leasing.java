package io.crogas.engine;

import io.crogas.domain.port.out.KeyLeases;
import java.time.Duration;

/**
 * How an engine sharing its store with other instances leases its relayer keys: it runs a key's
 * lane only while it holds the key's lease, renews every third of the time to live, and writes the
 * nonce ledger only through views fenced by the lease.
 *
 * @param leases the key leases of the store the engine's nonce ledger lives in
 * @param holder this instance's id; every instance sharing a store needs its own
 * @param ttl how long a lease lasts unless renewed: how long a dead instance's keys wait
 */
public record Leasing(KeyLeases leases, String holder, Duration ttl) {
  public Leasing {
    if (leases == null || holder == null || holder.isBlank()) {
      throw new IllegalArgumentException("leases and a holder id are required");
    }
    if (ttl == null || ttl.compareTo(Duration.ofMillis(30)) < 0) {
      throw new IllegalArgumentException("the lease time to live must be at least 30 ms");
    }
  }

  /** How often held leases are renewed and free keys tried. */
  Duration renewEvery() {
    return ttl.dividedBy(3);
  }
}
