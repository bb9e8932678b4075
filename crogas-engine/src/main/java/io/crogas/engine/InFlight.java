package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A relayer nonce whose transaction is out but not yet mined, as the lane's watcher sees it: the
 * latest draft (for replacements), every hash sent for the nonce, and when it was last sent.
 */
final class InFlight {
  final long nonce;
  final Optional<String> recordId;
  final Address payer;
  private final List<Hash32> hashes = new ArrayList<>();
  private TransactionDraft draft;
  private SignedTransaction latest;
  private Instant lastSent;
  private Instant lastTry;
  private int replacements;
  private boolean resend;
  private Instant missingSince;
  private boolean refused;

  InFlight(
      long nonce,
      Optional<String> recordId,
      Address payer,
      TransactionDraft draft,
      List<SignedTransaction> sent,
      Instant sentAt,
      boolean resend) {
    this.nonce = nonce;
    this.recordId = recordId;
    this.payer = payer;
    this.draft = draft;
    sent.forEach(tx -> hashes.add(tx.hash()));
    this.latest = sent.get(sent.size() - 1);
    this.lastSent = sentAt;
    this.lastTry = sentAt;
    this.resend = resend;
  }

  synchronized List<Hash32> hashes() {
    return List.copyOf(hashes);
  }

  synchronized SignedTransaction latest() {
    return latest;
  }

  synchronized TransactionDraft draft() {
    return draft;
  }

  synchronized Instant lastSent() {
    return lastSent;
  }

  /** When anything was last sent for this nonce (re-sends included). */
  synchronized Instant lastTry() {
    return lastTry;
  }

  synchronized int replacements() {
    return replacements;
  }

  synchronized boolean needsResend() {
    return resend;
  }

  synchronized void needsResend(boolean value) {
    resend = value;
  }

  /**
   * The nonce is used on chain but none of its hashes has a receipt yet: when that was first seen.
   * Nodes can report the nonce a moment before the receipt, so loss is only concluded later.
   */
  synchronized Instant missingSince(Instant now) {
    if (missingSince == null) {
      missingSince = now;
    }
    return missingSince;
  }

  /**
   * The node refused the last send (no funds, or a refusal that may pass): the latest bytes are
   * sent again every replacement period rather than new ones signed, until one is taken.
   */
  synchronized boolean refused() {
    return refused;
  }

  /**
   * The node answered a re-send at {@code at}; {@code wasRefused} when it refused it. A refusal, or
   * the first send taken after refusals, restarts the wait before the next replacement.
   */
  synchronized void answered(boolean wasRefused, Instant at) {
    lastTry = at;
    if (wasRefused || refused) {
      lastSent = at;
    }
    refused = wasRefused;
  }

  /**
   * A replacement was signed and sent but not adopted: its receipt still counts as this nonce's.
   */
  synchronized void alsoSent(Hash32 hash) {
    if (!hashes.contains(hash)) {
      hashes.add(hash);
    }
  }

  /** A replacement went out for this nonce. */
  synchronized void replaced(TransactionDraft newDraft, SignedTransaction replacement, Instant at) {
    draft = newDraft;
    latest = replacement;
    alsoSent(replacement.hash());
    lastSent = at;
    lastTry = at;
    replacements++;
  }

  /** Nothing beat the current transaction; wait another full period before bumping again. */
  synchronized void waited(Instant at) {
    lastSent = at;
  }
}
