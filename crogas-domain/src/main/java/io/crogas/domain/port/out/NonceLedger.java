package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import java.util.List;
import java.util.Optional;

/**
 * The durable nonce lanes of the relayer keys. A nonce is assigned (and written) before anything is
 * signed with it; each signed transaction is written before it is sent. After a crash the engine
 * finds every nonce that is assigned but not mined and drives it to the chain, re-sending the
 * recorded bytes, so no nonce is used twice and none is left as a gap.
 *
 * <p>The ledger itself writes for whoever calls it: right for one instance alone on its store.
 * Instances sharing a store write through {@link #fenced} views, under the {@link KeyLeases} of the
 * same store.
 */
public interface NonceLedger {

  /**
   * The "mined by" hash of a nonce the chain passed with a transaction this relayer did not record
   * (no receipt of its own came within the grace): it is not pending any more, and no restart
   * re-sends it.
   */
  Hash32 USED_ELSEWHERE = new Hash32("0x" + "0".repeat(64));

  /**
   * Atomically assigns {@code relayer}'s next nonce — {@code max(chainFloor, highest assigned + 1)}
   * — to {@code recordId} (empty for a gap filler). Assigning to a record that already holds a
   * nonce of this relayer returns that assignment unchanged.
   */
  NonceAssignment assign(Address relayer, Optional<String> recordId, long chainFloor);

  /**
   * Records a signed transaction for an assigned nonce, before it is sent. False (and nothing
   * written) if the nonce was never assigned or is already mined.
   */
  boolean recordSigned(SignedTransaction transaction);

  /** Marks {@code relayer}'s {@code nonce} as used on chain by {@code hash}. */
  void markMined(Address relayer, long nonce, Hash32 hash);

  /** Hands a nonce whose record failed before sending to a gap filler (no record). */
  void orphan(Address relayer, long nonce);

  /**
   * This ledger as the holder of {@code lease} writes it: every write for {@code lease.key()}
   * ({@link #assign}, {@link #recordSigned}, {@link #markMined}, {@link #orphan}) first checks, in
   * the same store transaction as the write, that {@code lease}'s token is still the key's current
   * one and the lease was not released, and otherwise throws {@link
   * io.crogas.domain.FencedOutException} having written nothing. A write for another key is refused
   * the same way (the view holds no lease on it). Reads are not fenced.
   */
  NonceLedger fenced(KeyLease lease);

  /** Assignments of {@code relayer} not yet mined, lowest nonce first. */
  List<NonceAssignment> pending(Address relayer);

  /** The assignment holding {@code recordId}'s transaction, if one was made. */
  Optional<NonceAssignment> forRecord(String recordId);
}
