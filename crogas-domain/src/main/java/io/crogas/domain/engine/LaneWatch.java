package io.crogas.domain.engine;

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
 * Watches one lane's nonces in flight. Each tick costs one nonce read: every nonce below the
 * relayer's mined nonce is looked up by its hashes; the rest are re-sent when a send did not
 * arrive, or replaced when they waited too long.
 */
final class LaneWatch implements Runnable {
  /** How long a used nonce may lack a receipt for all of our hashes before it counts as lost. */
  static final Duration LOST_AFTER = Duration.ofSeconds(30);

  private final NonceLane lane;
  private final Broadcaster broadcaster;
  private final Transmitter transmitter;
  private final ReplacementPolicy replacement;
  private final Duration replaceAfter;
  private final InstantSource clock;
  private final Outcomes outcomes;
  private final ConcurrentSkipListMap<Long, InFlight> watched = new ConcurrentSkipListMap<>();

  LaneWatch(
      NonceLane lane,
      Broadcaster broadcaster,
      Transmitter transmitter,
      ReplacementPolicy replacement,
      Duration replaceAfter,
      InstantSource clock,
      Outcomes outcomes) {
    this.lane = lane;
    this.broadcaster = broadcaster;
    this.transmitter = transmitter;
    this.replacement = replacement;
    this.replaceAfter = replaceAfter;
    this.clock = clock;
    this.outcomes = outcomes;
  }

  void watch(InFlight nonce) {
    watched.put(nonce.nonce, nonce);
  }

  int size() {
    return watched.size();
  }

  @Override
  public void run() {
    if (watched.isEmpty()) {
      return;
    }
    try {
      long mined = broadcaster.minedNonce(lane.relayer());
      for (InFlight nonce : watched.headMap(mined).values()) {
        settle(nonce);
      }
      for (InFlight nonce : watched.tailMap(mined).values()) {
        push(nonce);
      }
    } catch (ChainUnavailableException e) {
      // The node is away: the next tick looks again; nothing is lost meanwhile.
    } catch (RuntimeException e) {
      outcomes.internalError(e);
    }
  }

  /**
   * The nonce is used on chain: find which of its transactions it was. Without a receipt for any of
   * them, keep looking for {@link #LOST_AFTER} before concluding that another transaction used the
   * nonce: failing a job whose transaction did land would report a charged payment as failed.
   */
  private void settle(InFlight nonce) {
    Optional<Receipt> receipt = receiptOf(nonce.hashes());
    if (receipt.isPresent()) {
      watched.remove(nonce.nonce);
      outcomes.mined(lane, nonce, receipt.get());
      return;
    }
    Instant now = clock.instant();
    if (Duration.between(nonce.missingSince(now), now).compareTo(LOST_AFTER) >= 0) {
      watched.remove(nonce.nonce);
      outcomes.lost(lane, nonce);
    }
  }

  /** Not mined yet: re-send what did not arrive, replace what waited too long. */
  private void push(InFlight nonce) {
    Instant now = clock.instant();
    if (nonce.needsResend()) {
      SendResult again = transmitter.send(nonce.latest());
      nonce.needsResend(again instanceof SendResult.Unreachable);
      return;
    }
    if (Duration.between(nonce.lastSent(), now).compareTo(replaceAfter) < 0) {
      return;
    }
    TransactionDraft current = nonce.draft();
    Optional<ReplacementPolicy.Fees> fees =
        replacement
            .next(
                new ReplacementPolicy.Fees(current.maxFeePerGas(), current.tip()),
                nonce.replacements())
            // A replacement never bids above the fee cap the payer was quoted.
            .filter(next -> current.allowsFeeCap(next.maxFeePerGas()));
    if (fees.isEmpty()) {
      nonce.waited(now);
      return;
    }
    TransactionDraft bumped = current.withFees(fees.get().maxFeePerGas(), fees.get().tip());
    transmitter
        .transmit(bumped, nonce.recordId)
        .ifPresent(sent -> nonce.replaced(bumped, sent.transaction(), now));
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

  /** What the engine does with the nonces the watch resolves. */
  interface Outcomes {
    void mined(NonceLane lane, InFlight nonce, Receipt receipt);

    /** The nonce was used by a transaction this relayer did not record. */
    void lost(NonceLane lane, InFlight nonce);

    void internalError(RuntimeException e);
  }
}
