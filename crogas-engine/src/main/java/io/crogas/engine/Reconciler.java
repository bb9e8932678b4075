package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.relay.Resumption;
import io.crogas.domain.relay.SendPlan;
import io.crogas.domain.relay.WatchedNonce;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leaves no nonce behind: on each tick, on the lane itself so that no send of the lane is half
 * done, every nonce the ledger holds unmined that the watch does not hold is resumed as the {@link
 * Resumption} says, whatever failed around it (an exception, the chain away while a filler was
 * prepared, a crash). {@link #recover()} runs it for every lane at start.
 */
final class Reconciler {
  private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

  private final EngineParts parts;
  private final JobSender sender;
  private final SendReads.Planner planner;
  private final GapFiller filler;
  private final Dispatcher dispatcher;
  private final Map<Address, AtomicBoolean> queued = new ConcurrentHashMap<>();

  Reconciler(EngineParts parts, JobSender sender, GapFiller filler, Dispatcher dispatcher) {
    this.parts = parts;
    this.sender = sender;
    this.planner = new SendReads.Planner(parts);
    this.filler = filler;
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
          resume(lane, assignment);
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

  private void resume(NonceLane lane, NonceAssignment assignment) {
    Optional<RelayRecord> record = assignment.recordId().flatMap(parts.journal()::find);
    Resumption resumption = Resumption.of(assignment, record);
    EngineSettings settings = parts.settings();
    Instant now = parts.clock().instant();
    if (resumption instanceof Resumption.Rewatch rewatch) {
      RelayRecord job = rewatch.record();
      assignment
          .transactions()
          .forEach(
              sent ->
                  parts
                      .tracking()
                      .track(new TrackRelayCommand.Submitted(job.id(), sent.hash(), now)));
      adopt(lane, job);
      SendResult again =
          rewatch.resend(parts.broadcaster().minedNonce(lane.relayer()))
              ? parts.transmitter().send(rewatch.latest())
              : new SendResult.NonceTooLow();
      watch(lane, assignment, rewatch.draft(settings.chainId(), settings.eip1559()), again);
    } else if (resumption instanceof Resumption.Sign sign) {
      RelayRecord job = sign.record();
      parts.completions().register(job.id());
      adopt(lane, job);
      SendPlan plan = planner.plan(lane, job.job()).plan();
      if (plan instanceof SendPlan.Refused refused) {
        parts.completions().fail(lane, job, refused.reason());
        filler.orphanAndFill(lane, assignment.nonce());
      } else if (sender.send(lane, job, assignment.nonce(), (SendPlan.Ready) plan)
          == JobSender.Next.MOVE) {
        dispatcher.move(lane, job);
      }
    } else if (resumption instanceof Resumption.RewatchFiller rewatch) {
      SendResult again = parts.transmitter().send(rewatch.latest());
      watch(lane, assignment, rewatch.draft(settings.chainId(), settings.eip1559()), again);
    } else {
      Resumption.Fill fill = (Resumption.Fill) resumption;
      filler.fill(lane, assignment.nonce(), assignment.recordId(), fill.earlier());
    }
  }

  private void watch(
      NonceLane lane, NonceAssignment assignment, TransactionDraft draft, SendResult answer) {
    parts
        .lanes()
        .watch(lane)
        .watch(
            WatchedNonce.sent(
                assignment.nonce(),
                assignment.recordId(),
                draft,
                assignment.transactions(),
                parts.clock().instant(),
                answer));
  }

  /** Counts a recovered job in its lane's load once. */
  private void adopt(NonceLane lane, RelayRecord job) {
    if (parts.completions().count(job.id(), lane.relayer())) {
      lane.adopt(job.job().payer());
    }
  }
}
