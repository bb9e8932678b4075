package io.crogas.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * One relayer nonce and what it is for: the journal record whose transaction uses it (empty for a
 * gap filler, the no-op self-transfer that fills a nonce whose request failed before sending),
 * every transaction signed for it, oldest first, and the hash the chain mined, once it did.
 */
public record NonceAssignment(
    Address relayer,
    long nonce,
    Optional<String> recordId,
    List<SignedTransaction> transactions,
    Optional<Hash32> mined) {
  public NonceAssignment {
    if (relayer == null || nonce < 0 || recordId == null || mined == null) {
      throw new IllegalArgumentException("relayer, nonce >= 0, recordId and mined are required");
    }
    transactions = List.copyOf(transactions);
  }

  /** The transaction to watch or re-send: the most recently signed one. */
  public Optional<SignedTransaction> latest() {
    return transactions.isEmpty()
        ? Optional.empty()
        : Optional.of(transactions.get(transactions.size() - 1));
  }
}
