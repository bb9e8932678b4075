package io.crogas.engine;

import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.relay.Resumption;
import io.crogas.domain.relay.SendPlan;
import io.crogas.domain.relay.WatchedNonce;
import java.time.Instant;
import java.util.Optional;

/**
 * Drives one unmined nonce of the ledger that nothing watches again, as the {@link Resumption}
 * says: re-sends and watches recorded bytes, signs a job that holds the nonce with nothing signed,
 * or fills the nonce.
 */
final class NonceResumer {
  private final EngineParts parts;
  private final JobSender sender;
  private final SendReads.Planner planner;
  private final GapFiller filler;
  private final Dispatcher dispatcher;

  NonceResumer(EngineParts parts, JobSender sender, GapFiller filler, Dispatcher dispatcher) {
    this.parts = parts;
    this.sender = sender;
    this.planner = new SendReads.Planner(parts);
    this.filler = filler;
    this.dispatcher = dispatcher;
  }

  void resume(NonceLane lane, NonceAssignment assignment) {
    Optional<RelayRecord> record = assignment.recordId().flatMap(parts.journal()::find);
    Resumption resumption = Resumption.of(assignment, record);
    EngineSettings settings = parts.settings();
    if (resumption instanceof Resumption.Rewatch rewatch) {
      RelayRecord job = rewatch.record();
      if (!journaled(lane, job, assignment)) {
        return;
      }
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
        parts.completions().failUnsent(lane, job, refused.reason());
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

  /**
   * Journals every recorded hash of {@code job} (a crash may have come between the ledger's write
   * and the journal's); whether its bytes may be re-sent. A job final since it was read (another
   * instance failed it before any of them was journaled, hence sent) never gets them: a filler
   * takes the nonce. A journal that kept changing leaves the nonce to the next reconciliation.
   */
  private boolean journaled(NonceLane lane, RelayRecord job, NonceAssignment assignment) {
    Instant now = parts.clock().instant();
    boolean refused =
        assignment.transactions().stream()
            .map(
                sent ->
                    parts
                        .tracking()
                        .track(new TrackRelayCommand.Submitted(job.id(), sent.hash(), now)))
            .anyMatch(RelayRecord.Step.Refused.class::isInstance);
    if (!refused) {
      return true;
    }
    Optional<RelayRecord> current = parts.journal().find(job.id());
    if (current.isEmpty() || current.get().state().isFinal()) {
      filler.fill(lane, assignment.nonce(), assignment.recordId(), assignment.transactions());
    }
    return false;
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
