package io.crogas.domain.service;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.policy.DisclosurePolicy;
import io.crogas.domain.port.in.TrackRelay;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.SettlementObserver;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Journals each step the relayer reports, as the settlement sequence allows. Concurrent reporters
 * (a receipt poller and a replacement) are serialised by the journal's optimistic versioning.
 */
public final class TrackingService implements TrackRelay {
  private static final int MAX_ATTEMPTS = 16;

  private final Journal journal;
  private final SettlementObserver observer;

  public TrackingService(Journal journal) {
    this(journal, SettlementObserver.NONE);
  }

  public TrackingService(Journal journal, SettlementObserver observer) {
    this.journal = journal;
    this.observer = observer;
  }

  @Override
  public RelayRecord.Step submitted(String id, Hash32 txHash, Instant at) {
    return apply(id, record -> record.submitted(txHash, at));
  }

  @Override
  public RelayRecord.Step confirmed(String id, Receipt receipt, Instant at) {
    return apply(id, record -> record.confirmed(receipt, at));
  }

  @Override
  public RelayRecord.Step failed(String id, String reason, Instant at) {
    String shown = DisclosurePolicy.publicText(reason);
    return apply(id, record -> record.failed(shown, at));
  }

  private RelayRecord.Step apply(String id, Function<RelayRecord, RelayRecord.Step> step) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<RelayRecord> current = journal.find(id);
      if (current.isEmpty()) {
        return new RelayRecord.Step.Refused("no request " + id + " in the journal");
      }
      RelayRecord.Step next = step.apply(current.get());
      if (!(next instanceof RelayRecord.Step.Moved moved)) {
        return next;
      }
      if (journal.update(moved.record())) {
        if (moved.record().state().isFinal()) {
          observer.finished(moved.record());
        }
        return next;
      }
    }
    return new RelayRecord.Step.Refused("the journal kept changing under " + id + "; try again");
  }
}
