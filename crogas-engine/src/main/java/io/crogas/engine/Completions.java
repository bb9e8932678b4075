package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Journal;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a job ends: its final step journaled, its lane's load released, its caller's future
 * completed. A record is counted in a lane's load once and released once, however often it is
 * finished.
 */
final class Completions {
  private static final System.Logger LOG = System.getLogger(Completions.class.getName());

  private final TrackRelayUseCase tracking;
  private final Journal journal;
  private final InstantSource clock;
  private final Map<String, CompletableFuture<RelayRecord>> waiting = new ConcurrentHashMap<>();
  // Each record counted in a lane's load, by the key of that lane.
  private final Map<String, Address> counted = new ConcurrentHashMap<>();

  Completions(TrackRelayUseCase tracking, Journal journal, InstantSource clock) {
    this.tracking = tracking;
    this.journal = journal;
    this.clock = clock;
  }

  /** The future that completes with {@code recordId}'s final version. */
  CompletableFuture<RelayRecord> register(String recordId) {
    return waiting.computeIfAbsent(recordId, id -> new CompletableFuture<>());
  }

  /** Whether {@code recordId} is on one of this engine's lanes. */
  boolean known(String recordId) {
    return counted.containsKey(recordId);
  }

  /**
   * {@code record} holds a nonce of a key another instance drives: this lane lets it go, and its
   * caller waits for the journal ({@link #pollJournal}).
   */
  void handOver(NonceLane lane, RelayRecord record) {
    if (counted.remove(record.id()) != null) {
      lane.finished(record.job().payer());
    }
  }

  /**
   * Completes every caller whose record is on none of this engine's lanes once the journal shows it
   * final: another instance drove it.
   */
  void pollJournal() {
    for (String id : waiting.keySet()) {
      if (!counted.containsKey(id)) {
        journal.find(id).filter(r -> r.state().isFinal()).ifPresent(this::report);
      }
    }
  }

  /** Counts {@code recordId} in the load of {@code relayer}'s lane; false if it already was. */
  boolean count(String recordId, Address relayer) {
    return counted.putIfAbsent(recordId, relayer) == null;
  }

  /** {@code recordId} moved to {@code relayer}'s lane. */
  void moved(String recordId, Address relayer) {
    counted.replace(recordId, relayer);
  }

  /** {@code relayer}'s lane was dropped with its jobs: they count nowhere now. */
  void dropped(Address relayer) {
    counted.values().removeIf(relayer::equals);
  }

  void fail(NonceLane lane, RelayRecord record, String reason) {
    RelayRecord.Step step =
        tracking.track(new TrackRelayCommand.Failed(record.id(), reason, clock.instant()));
    finish(lane, step.recordOr(record));
  }

  /** Fails a job no lane took: nothing was sent for it. */
  void refuse(RelayRecord record, String reason) {
    report(
        tracking
            .track(new TrackRelayCommand.Failed(record.id(), reason, clock.instant()))
            .recordOr(record));
  }

  void confirm(NonceLane lane, String recordId, Receipt receipt) {
    RelayRecord.Step step =
        tracking.track(new TrackRelayCommand.Confirmed(recordId, receipt, clock.instant()));
    journal.find(recordId).ifPresent(record -> finish(lane, step.recordOr(record)));
  }

  void finish(NonceLane lane, RelayRecord record) {
    if (counted.remove(record.id()) != null) {
      lane.finished(record.job().payer());
    }
    report(record);
  }

  private void report(RelayRecord record) {
    LOG.log(
        System.Logger.Level.INFO,
        "{0} {1}{2}",
        record.id(),
        record.state(),
        record.failure().map(why -> ": " + why).orElse(""));
    CompletableFuture<RelayRecord> done = waiting.remove(record.id());
    if (done != null) {
      done.complete(record);
    }
  }
}
