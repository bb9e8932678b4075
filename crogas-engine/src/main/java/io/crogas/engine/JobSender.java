package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.FencedOutException;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.relay.SendPlan;
import io.crogas.domain.relay.SendVerdict;
import io.crogas.domain.relay.Setback;
import io.crogas.domain.relay.WatchedNonce;
import io.crogas.engine.Transmitter.Transmission;
import java.util.List;
import java.util.Optional;

/**
 * Sends a job on its lane: re-checks the payment, simulates it from the lane's key, takes a nonce
 * (written before signing), then signs, records and sends it and hands it to the lane's watch. What
 * it cannot finish it says to its caller ({@link Next}).
 */
final class JobSender {
  private static final System.Logger LOG = System.getLogger(JobSender.class.getName());

  /** What the lane does after a submission. */
  enum Next {
    /** Nothing more: the job is sent, failed, or left to the reconciliation. */
    DONE,
    /** The key cannot pay and the job holds none of its nonces: another key takes it. */
    MOVE,
    /** The chain was away before anything was sent: the whole step again shortly. */
    RETRY
  }

  private final EngineParts parts;
  private final EngineSettings settings;
  private final GapFiller filler;
  private final SendReads.Planner planner;

  JobSender(EngineParts parts, GapFiller filler) {
    this.parts = parts;
    this.settings = parts.settings();
    this.filler = filler;
    this.planner = new SendReads.Planner(parts);
  }

  /** On the lane: everything from the journal's VALIDATED record to a transaction out. */
  Next submit(NonceLane lane, RelayRecord record) {
    if (!parts.holding().holds(lane.relayer())) {
      return Next.DONE; // a retry of a lane since lost: the journal keeps the job for a holder
    }
    try {
      Optional<RelayRecord> current = parts.journal().find(record.id());
      if (current.isEmpty() || current.get().state().isFinal()) {
        parts.completions().finish(lane, current.orElse(record));
        return Next.DONE;
      }
      if (holdsNonce(lane, record)) {
        return Next.DONE; // it holds a nonce already: that lane's reconciliation drives it
      }
      SendReads reads = planner.plan(lane, record.job());
      if (reads.plan() instanceof SendPlan.Refused refused) {
        if (cannotPayQuoted(lane, record.job(), reads.relayerBalance())) {
          // Simulated at a real gas price, an empty key's call fails: another key may send it.
          return Next.MOVE;
        }
        if (holdsNonce(lane, record)) {
          return Next.DONE; // another instance sent it meanwhile: its outcome is the record's
        }
        // No nonce is taken yet, so failing leaves no gap. Another instance may still send it
        // before the failure is journaled: the journal then refuses the failure.
        parts.completions().failUnsent(lane, record, refused.reason());
        return Next.DONE;
      }
      SendPlan.Ready ready = (SendPlan.Ready) reads.plan();
      if (!parts.rotation().covers(lane.relayer(), ready.worstCase(), reads.relayerBalance())) {
        return Next.MOVE;
      }
      long floor = parts.broadcaster().pendingNonce(lane.relayer());
      NonceAssignment assignment =
          parts.ledger().assign(lane.relayer(), Optional.of(record.id()), floor);
      if (!assignment.relayer().equals(lane.relayer())) {
        parts.completions().handOver(lane, record); // another instance's key took it first
        return Next.DONE;
      }
      return send(lane, record, assignment.nonce(), ready);
    } catch (FencedOutException e) {
      parts.holding().fencedOut(e);
      return Next.DONE;
    } catch (ChainUnavailableException e) {
      return after(lane, record, Setback.chainAway(heldHere(lane, record)));
    } catch (StoreUnavailableException e) {
      // Nothing more can be read or journaled now; the retry starts over from the journal and the
      // ledger as a restart would (a nonce the store did take makes it this lane's to reconcile).
      LOG.log(System.Logger.Level.WARNING, "submitting {0} waits for the store", record.id());
      return Next.RETRY;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "submitting " + record.id() + " failed", e);
      return after(lane, record, Setback.internalError(heldHere(lane, record), e.getMessage()));
    }
  }

  /**
   * Whether {@code record} holds a nonce already; if of another key (another instance dispatched it
   * too), this lane lets it go.
   */
  private boolean holdsNonce(NonceLane lane, RelayRecord record) {
    Optional<NonceAssignment> held = parts.ledger().forRecord(record.id());
    if (held.isPresent() && !held.get().relayer().equals(lane.relayer())) {
      parts.completions().handOver(lane, record);
    }
    return held.isPresent();
  }

  /** The nonce of {@code lane}'s key {@code record} holds; another key's is not this lane's. */
  private Optional<NonceAssignment> heldHere(NonceLane lane, RelayRecord record) {
    return parts.ledger().forRecord(record.id()).filter(a -> a.relayer().equals(lane.relayer()));
  }

  /** Signs, records and sends {@code record}'s transaction on {@code nonce}, which it holds. */
  Next send(NonceLane lane, RelayRecord record, long nonce, SendPlan.Ready plan) {
    TransactionDraft draft =
        plan.draft(lane.relayer(), settings.chainId(), nonce, record.job(), settings.eip1559());
    Transmission out = parts.transmitter().transmit(draft, Optional.of(record.id()));
    if (out instanceof Transmission.NonceRefused) {
      String reason = "relayer nonce " + nonce + " was no longer available";
      parts.completions().failUnsent(lane, record, reason);
      return Next.DONE;
    }
    if (out instanceof Transmission.Unjournaled) {
      return unjournaled(lane, record, nonce);
    }
    Transmission.Sent sent = (Transmission.Sent) out;
    SendVerdict verdict = SendVerdict.of(sent.result());
    if (verdict instanceof SendVerdict.MoveToAnotherKey) {
      parts.completions().refusedByNode(record.id(), sent.transaction().hash());
      parts.rotation().ranDry(lane.relayer(), plan.worstCase());
      filler.orphanAndFill(lane, nonce);
      return Next.MOVE;
    }
    if (verdict instanceof SendVerdict.Abandon abandon) {
      parts.completions().fail(lane, record, abandon.reason());
      filler.orphanAndFill(lane, nonce);
      return Next.DONE;
    }
    parts
        .lanes()
        .watch(lane)
        .watch(
            WatchedNonce.sent(
                nonce,
                Optional.of(record.id()),
                draft,
                List.of(sent.transaction()),
                sent.transaction().signedAt(),
                sent.result()));
    return Next.DONE;
  }

  /**
   * The journal would not take {@code record} as submitted, so nothing was sent. Final already
   * (another instance failed it before anything was out): its nonce goes to a filler and its caller
   * hears the record as it is. Still live (the journal kept changing): the lane's reconciliation
   * journals and sends the recorded bytes.
   */
  private Next unjournaled(NonceLane lane, RelayRecord record, long nonce) {
    Optional<RelayRecord> current = parts.journal().find(record.id());
    if (current.isEmpty() || current.get().state().isFinal()) {
      filler.orphanAndFill(lane, nonce);
      parts.completions().finish(lane, current.orElse(record));
    }
    return Next.DONE;
  }

  private Next after(NonceLane lane, RelayRecord record, Setback setback) {
    if (setback instanceof Setback.RetryLater) {
      return Next.RETRY;
    }
    if (setback instanceof Setback.Fail fail) {
      parts.completions().failUnsent(lane, record, fail.reason());
      fail.fill().ifPresent(nonce -> filler.orphanAndFill(lane, nonce));
    }
    return Next.DONE;
  }

  /** Whether {@code lane}'s key holds less than the job's quoted worst case (limit × cap). */
  private boolean cannotPayQuoted(NonceLane lane, RelayJob job, Optional<Wei> balance) {
    return job.quotedBudget()
        .map(quoted -> !parts.rotation().covers(lane.relayer(), quoted.croCost(), balance))
        .orElse(false);
  }
}
