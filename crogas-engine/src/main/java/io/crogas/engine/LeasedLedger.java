package io.crogas.engine;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.port.out.NonceLedger;
import java.util.List;
import java.util.Optional;

/**
 * The nonce ledger as a leasing engine writes it: each write goes through the view fenced by the
 * lease this engine holds on the write's key, so the store refuses it if another instance took the
 * key since; a key this engine does not hold is refused before the store is asked.
 */
final class LeasedLedger implements NonceLedger {
  private final NonceLedger ledger;
  private final KeyHolding holding;

  LeasedLedger(NonceLedger ledger, KeyHolding holding) {
    this.ledger = ledger;
    this.holding = holding;
  }

  private NonceLedger writer(Address key) {
    KeyLease lease = holding.lease(key).orElseThrow(() -> new FencedOutException(key, 0));
    return ledger.fenced(lease);
  }

  @Override
  public NonceAssignment assign(Address relayer, Optional<String> recordId, long chainFloor) {
    return writer(relayer).assign(relayer, recordId, chainFloor);
  }

  @Override
  public boolean recordSigned(SignedTransaction transaction) {
    return writer(transaction.relayer()).recordSigned(transaction);
  }

  @Override
  public void markMined(Address relayer, long nonce, Hash32 hash) {
    writer(relayer).markMined(relayer, nonce, hash);
  }

  @Override
  public void orphan(Address relayer, long nonce) {
    writer(relayer).orphan(relayer, nonce);
  }

  @Override
  public NonceLedger fenced(KeyLease lease) {
    return ledger.fenced(lease);
  }

  @Override
  public List<NonceAssignment> pending(Address relayer) {
    return ledger.pending(relayer);
  }

  @Override
  public Optional<NonceAssignment> forRecord(String recordId) {
    return ledger.forRecord(recordId);
  }
}
