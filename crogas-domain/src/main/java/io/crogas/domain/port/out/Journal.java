package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.RelayRecord;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The durable record of every accepted request and each step it takes. Written before the relayer
 * acts, so that after a crash every request in flight can be found and finished, and nothing is
 * executed or charged twice.
 */
public interface Journal {

  /**
   * Atomically inserts {@code record} unless a record with the same idempotency key exists (that
   * one is returned as {@link Admission.Existing}), or, for a forwarder call, an unfinished
   * forwarder call of the same user holds the same meta-transaction nonce (returned as {@link
   * Admission.NonceInFlight}): one (user, nonce) has at most one request in flight, since all but
   * one of them would revert on chain at the relayer's cost. Nothing is written in either case.
   */
  Admission admit(RelayRecord record);

  /**
   * Replaces the stored version {@code next.version() - 1} with {@code next}; false when the stored
   * version is not the expected one (another writer went first).
   */
  boolean update(RelayRecord next);

  Optional<RelayRecord> find(String id);

  Optional<RelayRecord> findByKey(IdempotencyKey key);

  /** Records not yet confirmed or failed, oldest first: the work to finish after a restart. */
  List<RelayRecord> inFlight();

  /** The most recent records, newest first, optionally only those paid by {@code payer}. */
  List<RelayRecord> recent(Optional<Address> payer, int limit);

  /** Meta-transaction nonces of {@code user}'s forwarder calls that are accepted but not final. */
  SortedSet<BigInteger> inFlightNonces(Address user);

  /** The result of {@link #admit}. */
  sealed interface Admission
      permits Admission.Admitted, Admission.Existing, Admission.NonceInFlight {
    record Admitted(RelayRecord record) implements Admission {}

    record Existing(RelayRecord record) implements Admission {}

    /** Another request of the same user with the same meta-transaction nonce is in flight. */
    record NonceInFlight(RelayRecord holder) implements Admission {}
  }
}
