package io.crogas.domain;

import io.crogas.domain.model.Address;

/**
 * A nonce-ledger write for a relayer key was made under a lease that is no longer the key's current
 * one (another instance took the key over, or the lease was released): nothing was written. The
 * writer must stop using the key at once; the key's new holder finishes its work.
 */
public class FencedOutException extends CroGasException {
  private static final long serialVersionUID = 1L;

  private final transient Address key;
  private final long token;

  public FencedOutException(Address key, long token) {
    super("the lease on relayer " + key + " under fencing token " + token + " is no longer held");
    this.key = key;
    this.token = token;
  }

  /** The relayer key whose lane the refused write was for. */
  public Address key() {
    return key;
  }

  /** The stale fencing token the write was made under. */
  public long token() {
    return token;
  }
}
