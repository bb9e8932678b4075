package io.crogas.domain.service;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.policy.DisclosurePolicy;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.SettlementObserver;
import java.util.Optional;
import java.util.function.Function;

/**
 * Journals each step the relayer reports, as the settlement sequence allows. Concurrent reporters
 * (a receipt poller and a replacement) are serialised by the journal's optimistic versioning.
 */
public final class TrackRelayService implements TrackRelayUseCase {
  private static final int MAX_ATTEMPTS = 16;

  private final Journal journal;
  private final SettlementObserver observer;

  public TrackRelayService(Journal journal) {
    this(journal, SettlementObserver.NONE);
  }

  public TrackRelayService(Journal journal, SettlementObserver observer) {
    this.journal = journal;
    this.observer = observer;
  }

  @Override
  public RelayRecord.Step track(TrackRelayCommand command) {
    return apply(command.id(), step(command));
  }

  private static Function<RelayRecord, RelayRecord.Step> step(TrackRelayCommand command) {
    if (command instanceof TrackRelayCommand.Submitted submitted) {
      return record -> record.submitted(submitted.txHash(), submitted.at());
    }
    if (command instanceof TrackRelayCommand.Confirmed confirmed) {
      return record -> record.confirmed(confirmed.receipt(), confirmed.at());
    }
    if (command instanceof TrackRelayCommand.FailedUnsent unsent) {
      String shown = DisclosurePolicy.publicText(unsent.reason());
      return record -> record.failedUnsent(shown, unsent.refusedByNode(), unsent.at());
    }
    TrackRelayCommand.Failed failed = (TrackRelayCommand.Failed) command;
    String shown = DisclosurePolicy.publicText(failed.reason());
    return record -> record.failed(shown, failed.at());
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
