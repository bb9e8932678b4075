package io.crogas.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The journal's view of one accepted request: its job, where it is in the settlement sequence,
 * every transaction hash sent for it, and its history. Immutable; each step makes a new version.
 */
public record RelayRecord(
    String id,
    IdempotencyKey key,
    RelayJob job,
    TokenAmount charge,
    RelayState state,
    List<Hash32> txHashes,
    Optional<Receipt> receipt,
    Optional<String> failure,
    List<RelayEvent> history,
    long version) {

  public RelayRecord {
    if (id == null || key == null || job == null || charge == null || state == null) {
      throw new IllegalArgumentException("id, key, job, charge and state are required");
    }
    txHashes = List.copyOf(txHashes);
    history = List.copyOf(history);
    if (history.isEmpty() || history.get(history.size() - 1).state() != state) {
      throw new IllegalArgumentException("history must end in the record's state");
    }
  }

  /** A request that passed every check: received and validated, journaled before it acts. */
  public static RelayRecord accepted(
      String id, IdempotencyKey key, RelayJob job, TokenAmount charge, Instant now) {
    List<RelayEvent> history =
        List.of(
            new RelayEvent(RelayState.RECEIVED, now, "received", Optional.empty()),
            new RelayEvent(RelayState.VALIDATED, now, "validated", Optional.empty()));
    return new RelayRecord(
        id,
        key,
        job,
        charge,
        RelayState.VALIDATED,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        history,
        0);
  }

  /** The transaction hash that currently represents this request on chain, if any was sent. */
  public Optional<Hash32> latestTxHash() {
    return receipt
        .map(Receipt::txHash)
        .or(
            () ->
                txHashes.isEmpty()
                    ? Optional.empty()
                    : Optional.of(txHashes.get(txHashes.size() - 1)));
  }

  /** A transaction for this request was sent, or a stuck one replaced (same nonce, new hash). */
  public Step submitted(Hash32 txHash, Instant now) {
    if (txHashes.contains(txHash) && state == RelayState.SUBMITTED) {
      return new Step.Unchanged(this);
    }
    String detail = txHashes.isEmpty() ? "submitted" : "replaced";
    List<Hash32> hashes = new ArrayList<>(txHashes);
    if (!hashes.contains(txHash)) {
      hashes.add(txHash);
    }
    return move(RelayState.SUBMITTED, detail, Optional.of(txHash), hashes, receipt, failure, now);
  }

  /** The chain included one of this request's transactions. */
  public Step confirmed(Receipt included, Instant now) {
    if (receipt.filter(included::equals).isPresent()) {
      return new Step.Unchanged(this);
    }
    if (!txHashes.contains(included.txHash())) {
      return new Step.Refused("receipt " + included.txHash() + " is not a transaction of " + id);
    }
    RelayState next = included.success() ? RelayState.CONFIRMED : RelayState.FAILED;
    String detail = included.success() ? "confirmed" : "reverted on chain";
    Optional<String> why = included.success() ? Optional.empty() : Optional.of(detail);
    return move(
        next, detail, Optional.of(included.txHash()), txHashes, Optional.of(included), why, now);
  }

  /** The request cannot complete; {@code reason} says why in words a user can act on. */
  public Step failed(String reason, Instant now) {
    if (state == RelayState.FAILED && failure.filter(reason::equals).isPresent()) {
      return new Step.Unchanged(this);
    }
    return move(
        RelayState.FAILED, reason, Optional.empty(), txHashes, receipt, Optional.of(reason), now);
  }

  /**
   * The request cannot complete and none of its transactions is out: none was sent, or the node
   * refused each one sent ({@code refusedByNode}). Refused once any other transaction of it is out,
   * whoever sent it, since its receipt decides then: against the journal's versioning this makes
   * "failed unsent" and "submitted" exclusive for instances racing on one job. A record already
   * final is left as it is.
   */
  public Step failedUnsent(String reason, Set<Hash32> refusedByNode, Instant now) {
    if (state.isFinal()) {
      return new Step.Unchanged(this);
    }
    if (!refusedByNode.containsAll(txHashes)) {
      return new Step.Refused(id + " has a transaction out: its receipt decides");
    }
    return failed(reason, now);
  }

  private Step move(
      RelayState next,
      String detail,
      Optional<Hash32> txHash,
      List<Hash32> hashes,
      Optional<Receipt> newReceipt,
      Optional<String> newFailure,
      Instant now) {
    if (!state.canMoveTo(next)) {
      return new Step.Refused(id + " cannot go from " + state + " to " + next);
    }
    List<RelayEvent> events = new ArrayList<>(history);
    events.add(new RelayEvent(next, now, detail, txHash));
    return new Step.Moved(
        new RelayRecord(
            id, key, job, charge, next, hashes, newReceipt, newFailure, events, version + 1));
  }

  /** The result of asking a record to take a step in the settlement sequence. */
  public sealed interface Step permits Step.Moved, Step.Unchanged, Step.Refused {
    /** The step was taken; the new version must be journaled. */
    record Moved(RelayRecord record) implements Step {}

    /** The step had already been taken (a retry or a replayed event); nothing to write. */
    record Unchanged(RelayRecord record) implements Step {}

    /** The sequence does not allow this step. */
    record Refused(String reason) implements Step {}

    /** The record as it stands after this step: {@code before} when the step was refused. */
    default RelayRecord recordOr(RelayRecord before) {
      if (this instanceof Moved moved) {
        return moved.record();
      }
      return this instanceof Unchanged unchanged ? unchanged.record() : before;
    }
  }
}
