package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leaves no nonce behind: on each tick, on the lane itself so that no send of the lane is half
 * done, every nonce the ledger holds unmined that the watch does not hold is resumed ({@link
 * NonceResumer}), whatever failed around it (an exception, the chain away while a filler was
 * prepared, a crash). {@link #recover()} runs it for every lane at start.
 */
final class Reconciler {
  private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

  private final EngineParts parts;
  private final NonceResumer resumer;
  private final Dispatcher dispatcher;
  private final Map<Address, AtomicBoolean> queued = new ConcurrentHashMap<>();

  Reconciler(EngineParts parts, JobSender sender, GapFiller filler, Dispatcher dispatcher) {
    this.parts = parts;
    this.resumer = new NonceResumer(parts, sender, filler, dispatcher);
    this.dispatcher = dispatcher;
  }

  /**
   * Finishes what a crash interrupted: every relayer nonce assigned but not mined is driven again
   * by the lanes' reconciliation (looked up before anything is re-sent), and every journaled job
   * that never got a nonce is dispatched again. Reads each key's registration and balance first.
   */
  void recover() {
    LOG.log(
        System.Logger.Level.INFO, "recovering in-flight work from the journal and nonce ledger");
    parts.rotation().checkAll();
    List<NonceLane> held =
        parts.lanes().all().stream().filter(l -> parts.holding().holds(l.relayer())).toList();
    resume(held);
    dispatcher.adoptUnassigned(Duration.ZERO);
  }

  /**
   * This engine just took {@code lane}'s key (at start, or over from an instance that stopped
   * renewing it): its nonces are recovered as a restart recovers them; the jobs that never got one
   * are left to {@link Dispatcher#adoptUnassigned}.
   */
  void takeOver(NonceLane lane) {
    LOG.log(System.Logger.Level.INFO, "recovering the in-flight work of relayer " + lane.relayer());
    parts.rotation().checkAll();
    resume(List.of(lane));
  }

  /** Drives every unmined nonce of {@code lanes} again and confirms their jobs already mined. */
  private void resume(List<NonceLane> lanes) {
    lanes.forEach(this::reconcileSoon);
    for (RelayRecord record : parts.journal().inFlight()) {
      Optional<NonceAssignment> assignment = parts.ledger().forRecord(record.id());
      if (assignment.isPresent() && assignment.get().mined().isPresent()) {
        // By address: the key may be one this instance is not configured with.
        Address relayer = assignment.get().relayer();
        Hash32 minedBy = assignment.get().mined().get();
        lanes.stream()
            .filter(lane -> lane.relayer().equals(relayer))
            .forEach(
                lane ->
                    parts
                        .broadcaster()
                        .receipt(minedBy)
                        .ifPresent(
                            receipt ->
                                lane.urgent(
                                    () ->
                                        parts.completions().confirm(lane, record.id(), receipt))));
      }
    }
  }

  /** Queues one reconciliation on the lane unless one is queued already. */
  void reconcileSoon(NonceLane lane) {
    AtomicBoolean once = queued.computeIfAbsent(lane.relayer(), relayer -> new AtomicBoolean());
    if (once.compareAndSet(false, true)) {
      lane.urgent(
          () -> {
            once.set(false);
            reconcile(lane);
          });
    }
  }

  /** {@code lane}'s key was lost with its queue: a reconciliation queued there never runs. */
  void dropped(NonceLane lane) {
    queued.remove(lane.relayer());
  }

  private void reconcile(NonceLane lane) {
    if (!parts.holding().holds(lane.relayer())) {
      return;
    }
    LaneWatch watch = parts.lanes().watch(lane);
    try {
      for (NonceAssignment assignment : parts.ledger().pending(lane.relayer())) {
        if (!watch.watches(assignment.nonce())) {
          resumer.resume(lane, assignment);
        }
      }
    } catch (ChainUnavailableException e) {
      // The next tick comes back to it.
    } catch (FencedOutException e) {
      parts.holding().fencedOut(e);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "reconciling the nonces of " + lane.relayer(), e);
    }
  }
}
