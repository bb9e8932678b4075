package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Journal;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
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
  // Each record's transactions the node refused (the key could not pay): journaled, never out.
  private final Map<String, Set<Hash32>> refusedByNode = new ConcurrentHashMap<>();

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
    refusedByNode.remove(record.id());
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

  /** The node refused {@code hash}, a transaction of {@code recordId}: it is not out. */
  void refusedByNode(String recordId, Hash32 hash) {
    refusedByNode.computeIfAbsent(recordId, id -> ConcurrentHashMap.newKeySet()).add(hash);
  }

  /** {@code relayer}'s lane was dropped with its jobs: they count nowhere now. */
  void dropped(Address relayer) {
    counted.values().removeIf(relayer::equals);
  }

  /** Fails {@code record}, whose transaction this lane sent. */
  void fail(NonceLane lane, RelayRecord record, String reason) {
    RelayRecord.Step step =
        tracking.track(new TrackRelayCommand.Failed(record.id(), reason, clock.instant()));
    finish(lane, step.recordOr(record));
  }

  /**
   * Fails {@code record}, for which this lane sent nothing, unless a transaction of it is out:
   * another instance dispatched it too and sent it, so this lane lets it go and its caller waits
   * for the journal ({@link #pollJournal}); no caller hears "failed" for a job that may be charged.
   */
  void failUnsent(NonceLane lane, RelayRecord record, String reason) {
    RelayRecord.Step step = unsent(record, reason);
    if (step instanceof RelayRecord.Step.Refused) {
      handOver(lane, record);
    } else {
      finish(lane, step.recordOr(record));
    }
  }

  /** Fails a job no lane took, as {@link #failUnsent} does: nothing was sent for it here. */
  void refuse(RelayRecord record, String reason) {
    RelayRecord.Step step = unsent(record, reason);
    if (!(step instanceof RelayRecord.Step.Refused)) {
      report(step.recordOr(record));
    }
  }

  private RelayRecord.Step unsent(RelayRecord record, String reason) {
    Set<Hash32> notOut = refusedByNode.getOrDefault(record.id(), Set.of());
    return tracking.track(
        new TrackRelayCommand.FailedUnsent(record.id(), reason, notOut, clock.instant()));
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
    refusedByNode.remove(record.id());
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
