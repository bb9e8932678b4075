package io.crogas.domain.model;

import java.time.Instant;

/**
 * One instance's right to write a relayer key's nonce lane until {@code expires}. The {@code token}
 * is the key's fencing token: every grant of the key gets a larger one, and the nonce ledger
 * refuses a write made under a token older than the key's current one, so an instance that lost the
 * key (paused past its lease, then woke up) cannot write a nonce however late it notices.
 *
 * @param key the relayer key
 * @param holder the instance holding it (its configured instance id)
 * @param token the fencing token of this grant, at least 1
 * @param expires when the lease lapses unless renewed
 */
public record KeyLease(Address key, String holder, long token, Instant expires) {
  public KeyLease {
    if (key == null || holder == null || holder.isBlank() || token < 1 || expires == null) {
      throw new IllegalArgumentException("key, a holder, a token >= 1 and an expiry are required");
    }
  }

  /** Whether the lease has lapsed at {@code now}: from then on another instance may take it. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expires);
  }

  /** The same grant (same token) until {@code until}. */
  public KeyLease until(Instant until) {
    return new KeyLease(key, holder, token, until);
  }
}
