package io.crogas.engine;

import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.out.Journal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A journal whose store can go away: while {@link #down} every call fails as Redis's would. {@link
 * #beforeNextUpdate} runs once at the start of the next {@link #update}: another instance's step
 * landing between a writer's read and its compare-and-set.
 */
final class OutageJournal implements Journal {
  private final Journal journal;
  volatile boolean down;
  final AtomicReference<Runnable> beforeNextUpdate = new AtomicReference<>();

  OutageJournal(Journal journal) {
    this.journal = journal;
  }

  private Journal store() {
    if (down) {
      throw new StoreUnavailableException("the journal is down");
    }
    return journal;
  }

  @Override
  public Admission admit(RelayRecord record) {
    return store().admit(record);
  }

  @Override
  public boolean update(RelayRecord next) {
    Runnable hook = beforeNextUpdate.getAndSet(null);
    if (hook != null) {
      hook.run();
    }
    return store().update(next);
  }

  @Override
  public Optional<RelayRecord> find(String id) {
    return store().find(id);
  }

  @Override
  public Optional<RelayRecord> findByKey(IdempotencyKey key) {
    return store().findByKey(key);
  }

  @Override
  public List<RelayRecord> inFlight() {
    return store().inFlight();
  }

  @Override
  public List<RelayRecord> recent(Optional<Address> payer, int limit) {
    return store().recent(payer, limit);
  }

  @Override
  public SortedSet<BigInteger> inFlightNonces(Address user) {
    return store().inFlightNonces(user);
  }
}
