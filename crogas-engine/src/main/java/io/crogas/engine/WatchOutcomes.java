package io.crogas.engine;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.relay.WatchedNonce;

/** How the watches' findings reach the ledger, the journal and the callers. */
final class WatchOutcomes implements LaneWatch.Outcomes {
  private static final System.Logger LOG = System.getLogger(WatchOutcomes.class.getName());

  private final NonceLedger ledger;
  private final Journal journal;
  private final Completions completions;
  private final KeyHolding holding;

  WatchOutcomes(NonceLedger ledger, Journal journal, Completions completions, KeyHolding holding) {
    this.ledger = ledger;
    this.journal = journal;
    this.completions = completions;
    this.holding = holding;
  }

  @Override
  public void mined(NonceLane lane, WatchedNonce nonce, Receipt receipt) {
    ledger.markMined(lane.relayer(), nonce.nonce(), receipt.txHash());
    nonce.recordId().ifPresent(id -> completions.confirm(lane, id, receipt));
  }

  @Override
  public void lost(NonceLane lane, WatchedNonce nonce, String reason) {
    // Passed: no restart re-sends or re-watches it; the watch still looks for a late receipt.
    ledger.markMined(lane.relayer(), nonce.nonce(), NonceLedger.USED_ELSEWHERE);
    nonce
        .recordId()
        .flatMap(journal::find)
        .ifPresent(record -> completions.fail(lane, record, reason));
  }

  @Override
  public void internalError(RuntimeException e) {
    // A bug must not stop the watch; the next tick retries and the journal keeps the truth.
    LOG.log(System.Logger.Level.ERROR, "watching the relayer's nonces failed", e);
  }

  @Override
  public void fencedOut(FencedOutException e) {
    holding.fencedOut(e);
  }
}
