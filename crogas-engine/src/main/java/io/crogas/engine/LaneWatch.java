package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.relay.SendPolicy;
import io.crogas.domain.relay.WatchPolicy;
import io.crogas.domain.relay.WatchPolicy.LateNonce;
import io.crogas.domain.relay.WatchPolicy.NextSend;
import io.crogas.domain.relay.WatchPolicy.Passed;
import io.crogas.domain.relay.WatchedNonce;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Watches one lane's nonces in flight until the chain passes each one, doing what the {@link
 * WatchPolicy} says. Each tick reads the relayer's mined nonce and, while any nonce is still open,
 * its pending nonce: every nonce below the mined one is looked up by its hashes, every open one is
 * left, re-sent or replaced (re-bid at once if the base fee has passed its fee cap, and a refused
 * one re-sent at once when the base fee is back under it: the fee market is read in a tick where a
 * nonce has been open a tenth of the replacement period); nonces reported lost are looked up for a
 * late receipt.
 */
final class LaneWatch implements Runnable {
  private final NonceLane lane;
  private final Broadcaster broadcaster;
  private final Chain chain;
  private final Transmitter transmitter;
  private final WatchPolicy policy;
  private final SendPolicy sendPolicy;
  private final InstantSource clock;
  private final Outcomes outcomes;
  private final ConcurrentSkipListMap<Long, WatchedNonce> watched = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<Long, LateNonce> late = new ConcurrentSkipListMap<>();
  private Instant lastMarketRead = Instant.MIN;

  LaneWatch(
      NonceLane lane,
      Broadcaster broadcaster,
      Chain chain,
      Transmitter transmitter,
      EngineSettings settings,
      InstantSource clock,
      Outcomes outcomes) {
    this.lane = lane;
    this.broadcaster = broadcaster;
    this.chain = chain;
    this.transmitter = transmitter;
    this.policy = settings.watchPolicy();
    this.sendPolicy = settings.sendPolicy();
    this.clock = clock;
    this.outcomes = outcomes;
  }

  /** Takes over a nonce just sent; the lane never hands over one that is watched already. */
  void watch(WatchedNonce nonce) {
    watched.put(nonce.nonce(), nonce);
  }

  boolean watches(long nonce) {
    return watched.containsKey(nonce);
  }

  /** Forgets every nonce: the key went to another instance, which watches them now. */
  void clear() {
    watched.clear();
    late.clear();
  }

  @Override
  public void run() {
    try {
      lookLate();
      if (watched.isEmpty()) {
        return;
      }
      long mined = broadcaster.minedNonce(lane.relayer());
      for (WatchedNonce nonce : watched.headMap(mined).values()) {
        settle(nonce);
      }
      if (watched.tailMap(mined).isEmpty()) {
        return;
      }
      long pending = broadcaster.pendingNonce(lane.relayer());
      FeeMarketOnce market = new FeeMarketOnce();
      for (WatchedNonce nonce : watched.tailMap(mined).values()) {
        push(nonce, pending, market);
      }
    } catch (ChainUnavailableException e) {
      // The node is away: the next tick looks again; nothing is lost meanwhile.
    } catch (FencedOutException e) {
      outcomes.fencedOut(e);
    } catch (RuntimeException e) {
      outcomes.internalError(e);
    }
  }

  /** The chain passed the nonce: find which of its transactions used it, if any. */
  private void settle(WatchedNonce nonce) {
    Passed passed = policy.passed(nonce, receiptOf(nonce.hashes()), clock.instant());
    if (passed instanceof Passed.Mined mined) {
      // Resolved before it is unwatched, so a reconciliation in between finds it still watched.
      outcomes.mined(lane, nonce, mined.receipt());
      watched.remove(nonce.nonce());
    } else if (passed instanceof Passed.Lost lost) {
      outcomes.lost(lane, nonce, lost.reason());
      late.put(nonce.nonce(), lost.late());
      watched.remove(nonce.nonce());
    } else {
      watched.replace(nonce.nonce(), ((Passed.Missing) passed).nonce());
    }
  }

  private void lookLate() {
    Instant now = clock.instant();
    for (LateNonce entry : late.values()) {
      switch (policy.look(entry, now)) {
        case EXPIRED -> late.remove(entry.nonce().nonce());
        case DUE -> {
          Optional<Receipt> receipt = receiptOf(entry.nonce().hashes());
          if (receipt.isPresent()) {
            outcomes.mined(lane, entry.nonce(), receipt.get());
            late.remove(entry.nonce().nonce());
          } else {
            late.put(entry.nonce().nonce(), entry.lookedAt(now));
          }
        }
        case NOT_YET -> {}
      }
    }
  }

  private void push(WatchedNonce nonce, long pending, FeeMarketOnce market) {
    Instant now = clock.instant();
    if (policy.overdue(nonce, now)) {
      Optional<FeeMarket> current = market.get(now);
      Optional<TransactionDraft> repriced = current.flatMap(read -> repriced(nonce, read));
      if (repriced.isPresent()) {
        replace(nonce, repriced.get(), now);
        return;
      }
      if (current.filter(read -> policy.readmitted(nonce, read)).isPresent()) {
        resend(nonce, false, now);
        return;
      }
    }
    NextSend next = policy.next(nonce, pending, now);
    if (next instanceof NextSend.Resend resend) {
      resend(nonce, resend.thenWait(), now);
    } else if (next instanceof NextSend.Replace replace) {
      replace(nonce, replace.bumped(), now);
    }
  }

  private void resend(WatchedNonce nonce, boolean thenWait, Instant now) {
    WatchedNonce after = nonce.resent(transmitter.send(nonce.latest()), now);
    watched.replace(nonce.nonce(), thenWait ? after.waited(now) : after);
  }

  private Optional<TransactionDraft> repriced(WatchedNonce nonce, FeeMarket market) {
    Fees fresh =
        nonce
            .draft()
            .job()
            .map(job -> sendPolicy.bid(job, market))
            .orElseGet(() -> sendPolicy.fillerBid(market, Optional.empty()));
    return policy.repriced(nonce, market, fresh);
  }

  /**
   * The fee market for a tick, read only if a nonce is overdue, and then at most once per tick and
   * per {@link WatchPolicy#overdue} period, so that a lane waiting on slow blocks adds few reads.
   */
  private final class FeeMarketOnce {
    private Optional<FeeMarket> read = Optional.empty();

    Optional<FeeMarket> get(Instant now) {
      if (read.isEmpty() && policy.rested(lastMarketRead, now)) {
        read = Optional.of(chain.feeMarket());
        lastMarketRead = now;
      }
      return read;
    }
  }

  private void replace(WatchedNonce nonce, TransactionDraft bumped, Instant now) {
    // Not sent (the nonce refused, or the journal would not take it): the earlier bytes stand.
    watched.replace(
        nonce.nonce(),
        transmitter.transmit(bumped, nonce.recordId()) instanceof Transmitter.Transmission.Sent s
            ? nonce.replacement(bumped, s.transaction(), s.result(), now)
            : nonce.waited(now));
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
    void mined(NonceLane lane, WatchedNonce nonce, Receipt receipt);

    /** The nonce was used by a transaction this relayer did not record. */
    void lost(NonceLane lane, WatchedNonce nonce, String reason);

    void internalError(RuntimeException e);

    /** A write was refused: another instance holds the key now. */
    void fencedOut(FencedOutException e);
  }
}
