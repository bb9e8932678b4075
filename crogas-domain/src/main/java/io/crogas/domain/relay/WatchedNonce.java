package io.crogas.domain.relay;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A relayer nonce whose transaction is out but not yet mined, as the lane's watch knows it: the
 * latest draft (what a replacement bumps), every hash sent for the nonce (any may be mined), and
 * when it was last sent. Each answer of the node gives a new value.
 *
 * @param recordId the job it carries; empty for a gap filler
 * @param lastSent when the wait before the next replacement started
 * @param lastTry when anything was last sent for the nonce (re-sends included)
 * @param needsResend the last send may not have arrived: only a send puts it back
 * @param missingSince when the chain was first seen past the nonce with no receipt of ours
 * @param refused the node refused the last send (no funds, or a refusal that may pass): the latest
 *     bytes are sent again every replacement period rather than new ones signed
 */
public record WatchedNonce(
    long nonce,
    Optional<String> recordId,
    TransactionDraft draft,
    List<Hash32> hashes,
    SignedTransaction latest,
    Instant lastSent,
    Instant lastTry,
    int replacements,
    boolean needsResend,
    Optional<Instant> missingSince,
    boolean refused) {
  public WatchedNonce {
    hashes = List.copyOf(hashes);
  }

  /**
   * {@code sent} (oldest first) went out for {@code nonce} at {@code at}, answered {@code answer}.
   */
  public static WatchedNonce sent(
      long nonce,
      Optional<String> recordId,
      TransactionDraft draft,
      List<SignedTransaction> sent,
      Instant at,
      SendResult answer) {
    return new WatchedNonce(
            nonce,
            recordId,
            draft,
            sent.stream().map(SignedTransaction::hash).toList(),
            sent.get(sent.size() - 1),
            at,
            at,
            0,
            answer instanceof SendResult.Unreachable,
            Optional.empty(),
            false)
        .answered(SendVerdict.refused(answer), at);
  }

  /** The latest bytes were sent again at {@code at} and the node answered {@code answer}. */
  public WatchedNonce resent(SendResult answer, Instant at) {
    return withResend(answer instanceof SendResult.Unreachable)
        .answered(SendVerdict.refused(answer), at);
  }

  /**
   * A replacement was signed and sent. One the node refused, underpriced or found passed is not
   * adopted: the bytes it would replace stay the latest, but its hash still counts as this nonce's.
   */
  public WatchedNonce replacement(
      TransactionDraft bumped, SignedTransaction sent, SendResult answer, Instant at) {
    List<Hash32> all = new ArrayList<>(hashes);
    if (!all.contains(sent.hash())) {
      all.add(sent.hash());
    }
    if (SendVerdict.refused(answer)
        || answer instanceof SendResult.Underpriced
        || answer instanceof SendResult.NonceTooLow) {
      return withHashes(all).answered(SendVerdict.refused(answer), at).waited(at);
    }
    return new WatchedNonce(
        nonce,
        recordId,
        bumped,
        all,
        sent,
        at,
        at,
        replacements + 1,
        answer instanceof SendResult.Unreachable,
        missingSince,
        // Taken: whatever refused the earlier bytes (a fee cap below the base fee) is behind it.
        false);
  }

  /** Nothing beat the current transaction: a full period passes before the next bump. */
  public WatchedNonce waited(Instant at) {
    return new WatchedNonce(
        nonce,
        recordId,
        draft,
        hashes,
        latest,
        at,
        lastTry,
        replacements,
        needsResend,
        missingSince,
        refused);
  }

  /** The chain is past the nonce with no receipt of ours: since when (the first look). */
  public WatchedNonce missing(Instant now) {
    return missingSince.isPresent()
        ? this
        : new WatchedNonce(
            nonce,
            recordId,
            draft,
            hashes,
            latest,
            lastSent,
            lastTry,
            replacements,
            needsResend,
            Optional.of(now),
            refused);
  }

  /**
   * The node answered a send at {@code at}. A refusal, or the first send taken after refusals,
   * restarts the wait before the next replacement.
   */
  private WatchedNonce answered(boolean wasRefused, Instant at) {
    return new WatchedNonce(
        nonce,
        recordId,
        draft,
        hashes,
        latest,
        wasRefused || refused ? at : lastSent,
        at,
        replacements,
        needsResend,
        missingSince,
        wasRefused);
  }

  private WatchedNonce withResend(boolean value) {
    return new WatchedNonce(
        nonce,
        recordId,
        draft,
        hashes,
        latest,
        lastSent,
        lastTry,
        replacements,
        value,
        missingSince,
        refused);
  }

  private WatchedNonce withHashes(List<Hash32> all) {
    return new WatchedNonce(
        nonce,
        recordId,
        draft,
        all,
        latest,
        lastSent,
        lastTry,
        replacements,
        needsResend,
        missingSince,
        refused);
  }
}
