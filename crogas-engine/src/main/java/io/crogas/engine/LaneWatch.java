package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Watches one lane's nonces in flight until the chain passes each one (PRODUCT §6: nonces are never
 * left behind). Each tick reads the relayer's mined nonce and, while any nonce is still open, its
 * pending nonce: every nonce below the mined one is looked up by its hashes; an open nonce the node
 * does not hold (dropped, evicted, or never arrived) is re-sent at once; one that waited too long
 * is replaced, or, past the replacement policy or after a refusal, its latest bytes are re-sent
 * every replacement period, whatever the node said before. A nonce passed by a transaction CroGas
 * did not send is reported lost after the receipt grace, and its hashes are still looked up for a
 * day, so a late receipt corrects the record.
 */
final class LaneWatch implements Runnable {
  private final NonceLane lane;
  private final Broadcaster broadcaster;
  private final Transmitter transmitter;
  private final ReplacementPolicy replacement;
  private final Duration replaceAfter;
  private final Duration receiptGrace;
  private final InstantSource clock;
  private final Outcomes outcomes;

  /** How long the hashes of a nonce reported lost are still looked up for a late receipt. */
  static final Duration LATE_RECEIPTS = Duration.ofHours(24);

  private final ConcurrentSkipListMap<Long, InFlight> watched = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<Long, Late> late = new ConcurrentSkipListMap<>();

  LaneWatch(
      NonceLane lane,
      Broadcaster broadcaster,
      Transmitter transmitter,
      ReplacementPolicy replacement,
      Duration replaceAfter,
      Duration receiptGrace,
      InstantSource clock,
      Outcomes outcomes) {
    this.lane = lane;
    this.broadcaster = broadcaster;
    this.transmitter = transmitter;
    this.replacement = replacement;
    this.replaceAfter = replaceAfter;
    this.receiptGrace = receiptGrace;
    this.clock = clock;
    this.outcomes = outcomes;
  }

  void watch(InFlight nonce) {
    watched.put(nonce.nonce, nonce);
  }

  int size() {
    return watched.size();
  }

  boolean watches(long nonce) {
    return watched.containsKey(nonce);
  }

  @Override
  public void run() {
    try {
      lookLate();
      if (watched.isEmpty()) {
        return;
      }
      long mined = broadcaster.minedNonce(lane.relayer());
      for (InFlight nonce : watched.headMap(mined).values()) {
        settle(nonce);
      }
      if (watched.tailMap(mined).isEmpty()) {
        return;
      }
      long pending = broadcaster.pendingNonce(lane.relayer());
      for (InFlight nonce : watched.tailMap(mined).values()) {
        push(nonce, pending);
      }
    } catch (ChainUnavailableException e) {
      // The node is away: the next tick looks again; nothing is lost meanwhile.
    } catch (RuntimeException e) {
      outcomes.internalError(e);
    }
  }

  /**
   * The nonce is used on chain: find which of its transactions it was. Without a receipt for any of
   * them, keep looking for {@link #receiptGrace} before concluding that another transaction used
   * the nonce: failing a job whose transaction did land would report a charged payment as failed.
   */
  private void settle(InFlight nonce) {
    Optional<Receipt> receipt = receiptOf(nonce.hashes());
    if (receipt.isPresent()) {
      // Resolved before it is unwatched, so a reconciliation in between finds it still watched.
      outcomes.mined(lane, nonce, receipt.get());
      watched.remove(nonce.nonce);
      return;
    }
    Instant now = clock.instant();
    if (Duration.between(nonce.missingSince(now), now).compareTo(receiptGrace) >= 0) {
      outcomes.lost(lane, nonce);
      late.put(nonce.nonce, new Late(nonce, now.plus(LATE_RECEIPTS), now));
      watched.remove(nonce.nonce);
    }
  }

  /** Nonces reported lost: one look per receipt grace for a receipt of any of their hashes. */
  private void lookLate() {
    Instant now = clock.instant();
    for (Late entry : late.values()) {
      if (now.isAfter(entry.until())) {
        late.remove(entry.nonce().nonce);
      } else if (Duration.between(entry.lookedAt(), now).compareTo(receiptGrace) >= 0) {
        Optional<Receipt> receipt = receiptOf(entry.nonce().hashes());
        if (receipt.isPresent()) {
          outcomes.mined(lane, entry.nonce(), receipt.get());
          late.remove(entry.nonce().nonce);
        } else {
          late.put(entry.nonce().nonce, new Late(entry.nonce(), entry.until(), now));
        }
      }
    }
  }

  /**
   * Not mined yet: re-send what did not arrive or what the node no longer holds, replace what
   * waited too long, and keep re-sending when no replacement is allowed or the last was refused.
   */
  private void push(InFlight nonce, long pending) {
    Instant now = clock.instant();
    boolean waited = Duration.between(nonce.lastSent(), now).compareTo(replaceAfter) >= 0;
    if (!waited) {
      // Not arrived, or no longer held by the node (dropped, evicted with a predecessor): only a
      // send puts it back. Spaced by a tenth of the replacement period, so an answer that keeps
      // saying nothing (an unknown error) does not flood the node.
      boolean missing = nonce.needsResend() || (nonce.nonce >= pending && !nonce.refused());
      boolean rested =
          Duration.between(nonce.lastTry(), now).compareTo(replaceAfter.dividedBy(10)) >= 0;
      if (missing && rested) {
        resend(nonce, now);
      }
      return;
    }
    Optional<ReplacementPolicy.Fees> fees =
        nonce.refused()
            ? Optional.empty()
            : replacement
                .next(
                    new ReplacementPolicy.Fees(nonce.draft().maxFeePerGas(), nonce.draft().tip()),
                    nonce.replacements())
                // A replacement never bids above the fee cap the payer was quoted.
                .filter(next -> nonce.draft().allowsFeeCap(next.maxFeePerGas()));
    if (fees.isEmpty()) {
      // No replacement allowed (or the last was refused): the latest bytes again, once a period.
      resend(nonce, now);
      nonce.waited(now);
      return;
    }
    replace(nonce, nonce.draft().withFees(fees.get().maxFeePerGas(), fees.get().tip()), now);
  }

  private void resend(InFlight nonce, Instant now) {
    SendResult again = transmitter.send(nonce.latest());
    nonce.needsResend(again instanceof SendResult.Unreachable);
    nonce.answered(refused(again), now);
  }

  /** A replacement the node refused is not adopted: the bytes it would replace stay the latest. */
  private void replace(InFlight nonce, TransactionDraft bumped, Instant now) {
    Optional<Transmitter.Sent> sent = transmitter.transmit(bumped, nonce.recordId);
    if (sent.isEmpty()) {
      nonce.waited(now);
      return;
    }
    SendResult result = sent.get().result();
    nonce.alsoSent(sent.get().transaction().hash());
    if (refused(result)
        || result instanceof SendResult.Underpriced
        || result instanceof SendResult.NonceTooLow) {
      nonce.answered(refused(result), now);
      nonce.waited(now);
      return;
    }
    nonce.replaced(bumped, sent.get().transaction(), now);
    nonce.needsResend(result instanceof SendResult.Unreachable);
  }

  private static boolean refused(SendResult result) {
    return result instanceof SendResult.InsufficientFunds || result instanceof SendResult.Rejected;
  }

  private Optional<Receipt> receiptOf(List<Hash32> hashes) {
    for (int i = hashes.size() - 1; i >= 0; i--) {
      Optional<Receipt> receipt = broadcaster.receipt(hashes.get(i));
      if (receipt.isPresent()) {
        return receipt;
      }
    }
    return Optional.empty();
  }

  /** A nonce reported lost, looked up until {@code until}, last at {@code lookedAt}. */
  private record Late(InFlight nonce, Instant until, Instant lookedAt) {}

  /** What the engine does with the nonces the watch resolves. */
  interface Outcomes {
    void mined(NonceLane lane, InFlight nonce, Receipt receipt);

    /** The nonce was used by a transaction this relayer did not record. */
    void lost(NonceLane lane, InFlight nonce);

    void internalError(RuntimeException e);
  }
}
