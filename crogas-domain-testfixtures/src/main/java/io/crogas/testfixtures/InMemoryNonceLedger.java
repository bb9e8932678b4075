package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.port.out.NonceLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Nonce lanes in sorted maps, with the same atomicity promises as the real ledgers. */
public final class InMemoryNonceLedger implements NonceLedger {
  private final Map<Address, TreeMap<Long, NonceAssignment>> lanes = new HashMap<>();

  @Override
  public synchronized NonceAssignment assign(
      Address relayer, Optional<String> recordId, long chainFloor) {
    TreeMap<Long, NonceAssignment> lane = lanes.computeIfAbsent(relayer, r -> new TreeMap<>());
    Optional<NonceAssignment> held =
        recordId.flatMap(
            id -> lane.values().stream().filter(a -> a.recordId().equals(recordId)).findFirst());
    if (held.isPresent()) {
      return held.get();
    }
    long nonce = lane.isEmpty() ? chainFloor : Math.max(chainFloor, lane.lastKey() + 1);
    NonceAssignment assignment =
        new NonceAssignment(relayer, nonce, recordId, List.of(), Optional.empty());
    lane.put(nonce, assignment);
    return assignment;
  }

  @Override
  public synchronized boolean recordSigned(SignedTransaction transaction) {
    NonceAssignment current = lane(transaction.relayer()).get(transaction.nonce());
    if (current == null || current.mined().isPresent()) {
      return false;
    }
    List<SignedTransaction> transactions = new ArrayList<>(current.transactions());
    transactions.add(transaction);
    replace(
        new NonceAssignment(
            current.relayer(), current.nonce(), current.recordId(), transactions, current.mined()));
    return true;
  }

  @Override
  public synchronized void markMined(Address relayer, long nonce, Hash32 hash) {
    Optional.ofNullable(lane(relayer).get(nonce))
        .ifPresent(
            a ->
                replace(
                    new NonceAssignment(
                        relayer, nonce, a.recordId(), a.transactions(), Optional.of(hash))));
  }

  @Override
  public synchronized void orphan(Address relayer, long nonce) {
    Optional.ofNullable(lane(relayer).get(nonce))
        .ifPresent(
            a ->
                replace(
                    new NonceAssignment(
                        relayer, nonce, Optional.empty(), a.transactions(), a.mined())));
  }

  @Override
  public synchronized List<NonceAssignment> pending(Address relayer) {
    return lane(relayer).values().stream().filter(a -> a.mined().isEmpty()).toList();
  }

  @Override
  public synchronized Optional<NonceAssignment> forRecord(String recordId) {
    return lanes.values().stream()
        .flatMap(lane -> lane.values().stream())
        .filter(a -> a.recordId().equals(Optional.of(recordId)))
        .findFirst();
  }

  private TreeMap<Long, NonceAssignment> lane(Address relayer) {
    return lanes.getOrDefault(relayer, new TreeMap<>());
  }

  private void replace(NonceAssignment next) {
    lanes.get(next.relayer()).put(next.nonce(), next);
  }
}
