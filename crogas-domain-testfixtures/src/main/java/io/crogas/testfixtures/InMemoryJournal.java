package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.out.Journal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** A journal in a map, with the same atomicity promises as the real ones. */
public final class InMemoryJournal implements Journal {
  private final Map<String, RelayRecord> byId = new LinkedHashMap<>();
  private final Map<IdempotencyKey, String> byKey = new LinkedHashMap<>();

  @Override
  public synchronized Admission admit(RelayRecord record) {
    String existing = byKey.get(record.key());
    if (existing != null) {
      return new Admission.Existing(byId.get(existing));
    }
    Optional<RelayRecord> holder = nonceHolder(record);
    if (holder.isPresent()) {
      return new Admission.NonceInFlight(holder.get());
    }
    byId.put(record.id(), record);
    byKey.put(record.key(), record.id());
    return new Admission.Admitted(record);
  }

  private Optional<RelayRecord> nonceHolder(RelayRecord record) {
    if (!(record.job() instanceof RelayJob.ForwarderCall call)) {
      return Optional.empty();
    }
    return byId.values().stream()
        .filter(r -> !r.state().isFinal())
        .filter(r -> r.job() instanceof RelayJob.ForwarderCall)
        .filter(
            r -> {
              RelayJob.ForwarderCall held = (RelayJob.ForwarderCall) r.job();
              return held.request().user().equals(call.request().user())
                  && held.request()
                      .metaTransaction()
                      .nonce()
                      .equals(call.request().metaTransaction().nonce());
            })
        .findFirst();
  }

  @Override
  public synchronized boolean update(RelayRecord next) {
    RelayRecord stored = byId.get(next.id());
    if (stored == null || stored.version() != next.version() - 1) {
      return false;
    }
    byId.put(next.id(), next);
    return true;
  }

  @Override
  public synchronized Optional<RelayRecord> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<RelayRecord> findByKey(IdempotencyKey key) {
    return Optional.ofNullable(byKey.get(key)).map(byId::get);
  }

  @Override
  public synchronized List<RelayRecord> inFlight() {
    return oldestFirst().stream().filter(r -> !r.state().isFinal()).toList();
  }

  @Override
  public synchronized List<RelayRecord> recent(Optional<Address> payer, int limit) {
    List<RelayRecord> newestFirst = oldestFirst();
    Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(r -> payer.map(p -> r.job().payer().equals(p)).orElse(true))
        .limit(limit)
        .toList();
  }

  /** By creation time; the sort is stable, so admission order breaks ties. */
  private List<RelayRecord> oldestFirst() {
    List<RelayRecord> all = new ArrayList<>(byId.values());
    all.sort(Comparator.comparing((RelayRecord r) -> r.history().get(0).at()));
    return all;
  }

  @Override
  public synchronized SortedSet<BigInteger> inFlightNonces(Address user) {
    SortedSet<BigInteger> nonces = new TreeSet<>();
    for (RelayRecord record : byId.values()) {
      if (!record.state().isFinal()
          && record.job() instanceof RelayJob.ForwarderCall call
          && call.request().user().equals(user)) {
        nonces.add(call.request().metaTransaction().nonce());
      }
    }
    return nonces;
  }
}
