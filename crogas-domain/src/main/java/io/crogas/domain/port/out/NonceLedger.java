package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import java.util.List;
import java.util.Optional;

/**
 * The durable nonce lanes of the relayer keys. A nonce is assigned (and written) before anything is
 * signed with it; each signed transaction is written before it is sent. After a crash the engine
 * finds every nonce that is assigned but not mined and drives it to the chain, re-sending the
 * recorded bytes, so no nonce is used twice and none is left as a gap.
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

  /** Assignments of {@code relayer} not yet mined, lowest nonce first. */
  List<NonceAssignment> pending(Address relayer);

  /** The assignment holding {@code recordId}'s transaction, if one was made. */
  Optional<NonceAssignment> forRecord(String recordId);
}
