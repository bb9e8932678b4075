package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.relay.WatchedNonce;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes a nonce no job will use with a gap filler (a zero-value self-transfer), so no gap blocks
 * the lane. Never throws for the chain: a nonce it cannot fill now stays in the ledger, and the
 * lane's reconciliation comes back to it.
 */
final class GapFiller {
  private static final System.Logger LOG = System.getLogger(GapFiller.class.getName());

  private final EngineParts parts;

  GapFiller(EngineParts parts) {
    this.parts = parts;
  }

  /** {@code nonce} was taken by a job that will not use it: it goes to a filler. */
  void orphanAndFill(NonceLane lane, long nonce) {
    parts.ledger().orphan(lane.relayer(), nonce);
    fill(lane, nonce, Optional.empty(), List.of());
  }

  /**
   * Sends a filler for {@code nonce}, priced to replace {@code earlier}'s latest bytes if a node
   * still holds them, and watches it with their hashes (a receipt of one of them confirms {@code
   * recordId}).
   */
  void fill(
      NonceLane lane, long nonce, Optional<String> recordId, List<SignedTransaction> earlier) {
    try {
      Optional<SignedTransaction> last =
          earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
      EngineSettings settings = parts.settings();
      Fees fees = settings.sendPolicy().fillerBid(parts.chain().feeMarket(), last);
      TransactionDraft filler =
          TransactionDraft.gapFiller(
              lane.relayer(),
              settings.chainId(),
              nonce,
              fees.maxFeePerGas(),
              fees.tip(),
              settings.eip1559());
      if (!(parts.transmitter().transmit(filler, Optional.empty())
          instanceof Transmitter.Transmission.Sent sent)) {
        return; // the ledger refused the nonce: it is not this key's to fill any more
      }
      List<SignedTransaction> all = new ArrayList<>(earlier);
      all.add(sent.transaction());
      parts
          .lanes()
          .watch(lane)
          .watch(
              WatchedNonce.sent(
                  nonce, recordId, filler, all, sent.transaction().signedAt(), sent.result()));
    } catch (ChainUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "nonce {0} of {1} is filled later: {2}",
          nonce,
          lane.relayer(),
          e.getMessage());
    }
  }
}
