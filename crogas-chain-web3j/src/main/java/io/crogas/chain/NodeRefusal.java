package io.crogas.chain;

import io.crogas.domain.model.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's error to {@code eth_sendRawTransaction} means, read from its wording. Nodes agree
 * on no error codes (anvil answers -32003 for both "nonce too low" and "invalid chain id"), so the
 * message is all there is. The wordings below were observed from anvil 1.7.1 or are the constants
 * of geth's {@code core} and {@code txpool} packages and of Ethermint (Cronos) and CometBFT.
 */
enum NodeRefusal {
  /** This very transaction is in the pool already. */
  ALREADY_KNOWN(
      "already known", // geth txpool.ErrAlreadyKnown
      "known transaction", // geth before 1.9.11
      "transaction already imported", // anvil
      "tx already in mempool", // Ethermint / Cosmos SDK ErrTxInMempoolCache
      "tx already exists in cache"), // CometBFT mempool

  /** The nonce is used already, by this transaction or another. */
  NONCE_TOO_LOW("nonce too low"), // geth core.ErrNonceTooLow, anvil

  /** A pooled transaction with the same nonce pays at least as much. */
  REPLACEMENT_UNDERPRICED(
      "replacement transaction underpriced", // geth txpool.ErrReplaceUnderpriced, anvil
      "tx doesn't fit the replacement rule"), // Cosmos SDK priority-nonce mempool (Cronos)

  /**
   * geth's {@code ErrUnderpriced}: too cheap for a full pool or below its minimum tip. Only the
   * caller can tell whether a same-nonce transaction exists, which is what makes it a replacement.
   */
  UNDERPRICED("transaction underpriced"),

  INSUFFICIENT_FUNDS("insufficient funds"), // geth, anvil ("Insufficient funds"), Ethermint

  /** The pool has no room now; the same bytes may be taken later. */
  POOL_FULL(
      "txpool is full", // geth txpool.ErrTxPoolOverflow
      "mempool is full"), // CometBFT

  /** Refused for good: intrinsic gas, block gas limit, invalid sender, fee cap below base fee... */
  REJECTED(
      "intrinsic gas too", // geth, anvil: "intrinsic gas too low" / "too high"
      "exceeds block gas limit", // geth
      "less than block base fee", // geth, anvil: max fee per gas less than block base fee
      "fee cap less than block base fee", // geth
      "max priority fee per gas higher than max fee per gas", // geth, anvil
      "invalid chain id", // anvil, Ethermint
      "failed to decode transaction", // anvil
      "invalid sender", // geth
      "exceeds the configured cap", // geth --rpc.txfeecap
      "only replay-protected", // geth
      "oversized data", // geth
      "gas limit too low", // Ethermint
      "insufficient fee", // Ethermint
      "gasfeecap is lower than the tx basefee"), // Ethermint

  /**
   * A wording no node above is known to use (a proxy's, a new node version's): the send may have
   * arrived, so it means "unknown", never "refused" (PRODUCT §6).
   */
  UNKNOWN;

  // Ethermint checks the sequence itself: "invalid nonce; got 5, expected 7: invalid sequence";
  // the Cosmos SDK's own ante handler: "account sequence mismatch, expected 7, got 5: ...".
  private static final Pattern ETHERMINT_NONCE =
      Pattern.compile("invalid nonce; got (\\d+), expected (\\d+)");
  private static final Pattern COSMOS_SEQUENCE =
      Pattern.compile("account sequence mismatch, expected (\\d+), got (\\d+)");

  private final List<String> wordings;

  NodeRefusal(String... wordings) {
    this.wordings = List.of(wordings);
  }

  /**
   * Classifies an error answer to the sending of {@code ours}. An error that names our own hash (in
   * its message or data) says the node has the transaction already, whatever its wording.
   */
  static NodeRefusal of(String message, String data, Hash32 ours) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    String digits = ours.hex().substring(2);
    if (text.contains(digits) || (data != null && data.toLowerCase(Locale.ROOT).contains(digits))) {
      return ALREADY_KNOWN;
    }
    Optional<NodeRefusal> sequence = sequence(text);
    if (sequence.isPresent()) {
      return sequence.get();
    }
    for (NodeRefusal refusal : values()) {
      if (refusal.wordings.stream().anyMatch(text::contains)) {
        return refusal;
      }
    }
    return UNKNOWN;
  }

  // A Cosmos sequence error says which side of the expected nonce we are: below is "too low",
  // above is a gap the node will not queue (Ethermint refuses future nonces at CheckTx).
  private static Optional<NodeRefusal> sequence(String text) {
    Matcher ethermint = ETHERMINT_NONCE.matcher(text);
    if (ethermint.find()) {
      return Optional.of(below(ethermint.group(1), ethermint.group(2)));
    }
    Matcher cosmos = COSMOS_SEQUENCE.matcher(text);
    if (cosmos.find()) {
      return Optional.of(below(cosmos.group(2), cosmos.group(1)));
    }
    return Optional.empty();
  }

  private static NodeRefusal below(String got, String expected) {
    return new BigInteger(got).compareTo(new BigInteger(expected)) < 0 ? NONCE_TOO_LOW : REJECTED;
  }
}
