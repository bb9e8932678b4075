package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.port.out.NonceLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Nonce lanes in sorted maps, with the same atomicity promises as the real ledgers. Every operation
 * holds the lock of the {@link InMemoryKeyLeases} beside it, so a fenced write's token check and
 * the write are one step, as in a store transaction.
 */
public final class InMemoryNonceLedger implements NonceLedger {
  private final Map<Address, TreeMap<Long, NonceAssignment>> lanes;
  private final InMemoryKeyLeases leases;
  private final Optional<KeyLease> fence;

  /** A ledger alone on its store, with leases of its own ({@link #leases()}). */
  public InMemoryNonceLedger() {
    this(new InMemoryKeyLeases());
  }

  /** A ledger whose fenced writes check {@code leases}. */
  public InMemoryNonceLedger(InMemoryKeyLeases leases) {
    this(new HashMap<>(), leases, Optional.empty());
  }

  private InMemoryNonceLedger(
      Map<Address, TreeMap<Long, NonceAssignment>> lanes,
      InMemoryKeyLeases leases,
      Optional<KeyLease> fence) {
    this.lanes = lanes;
    this.leases = leases;
    this.fence = fence;
  }

  /** The key leases of this ledger's store. */
  public InMemoryKeyLeases leases() {
    return leases;
  }

  @Override
  public NonceLedger fenced(KeyLease lease) {
    return new InMemoryNonceLedger(lanes, leases, Optional.of(lease));
  }

  @Override
  public NonceAssignment assign(Address relayer, Optional<String> recordId, long chainFloor) {
    synchronized (leases) {
      checkFence(relayer);
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
  }

  @Override
  public boolean recordSigned(SignedTransaction transaction) {
    synchronized (leases) {
      checkFence(transaction.relayer());
      NonceAssignment current = lane(transaction.relayer()).get(transaction.nonce());
      if (current == null || current.mined().isPresent()) {
        return false;
      }
      List<SignedTransaction> transactions = new ArrayList<>(current.transactions());
      transactions.add(transaction);
      replace(
          new NonceAssignment(
              current.relayer(),
              current.nonce(),
              current.recordId(),
              transactions,
              current.mined()));
      return true;
    }
  }

  @Override
  public void markMined(Address relayer, long nonce, Hash32 hash) {
    synchronized (leases) {
      checkFence(relayer);
      Optional.ofNullable(lane(relayer).get(nonce))
          .ifPresent(
              a ->
                  replace(
                      new NonceAssignment(
                          relayer, nonce, a.recordId(), a.transactions(), Optional.of(hash))));
    }
  }

  @Override
  public void orphan(Address relayer, long nonce) {
    synchronized (leases) {
      checkFence(relayer);
      Optional.ofNullable(lane(relayer).get(nonce))
          .ifPresent(
              a ->
                  replace(
                      new NonceAssignment(
                          relayer, nonce, Optional.empty(), a.transactions(), a.mined())));
    }
  }

  @Override
  public List<NonceAssignment> pending(Address relayer) {
    synchronized (leases) {
      return lane(relayer).values().stream().filter(a -> a.mined().isEmpty()).toList();
    }
  }

  @Override
  public Optional<NonceAssignment> forRecord(String recordId) {
    synchronized (leases) {
      return lanes.values().stream()
          .flatMap(lane -> lane.values().stream())
          .filter(a -> a.recordId().equals(Optional.of(recordId)))
          .findFirst();
    }
  }

  private void checkFence(Address relayer) {
    fence.ifPresent(lease -> leases.check(lease, relayer));
  }

  private TreeMap<Long, NonceAssignment> lane(Address relayer) {
    return lanes.getOrDefault(relayer, new TreeMap<>());
  }

  private void replace(NonceAssignment next) {
    lanes.get(next.relayer()).put(next.nonce(), next);
  }
}
