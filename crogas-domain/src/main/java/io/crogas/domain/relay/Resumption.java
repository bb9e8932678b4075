package io.crogas.domain.relay;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import java.util.List;
import java.util.Optional;

/**
 * How an unmined nonce of the ledger that nothing watches is driven again, whatever left it behind
 * (an exception after the nonce was assigned, the chain away while a filler was prepared, a crash).
 * A restart checks each record before re-sending anything (PRODUCT §6).
 */
public sealed interface Resumption
    permits Resumption.Rewatch, Resumption.Sign, Resumption.RewatchFiller, Resumption.Fill {

  /**
   * A live job's bytes are signed and may be out: every hash goes to the journal (a crash may have
   * come between the ledger's write and the journal's), and {@code latest} is re-sent unless the
   * chain has passed the nonce, where it is only looked up.
   */
  record Rewatch(RelayRecord record, SignedTransaction latest) implements Resumption {
    /** Whether {@code latest} is sent again, the chain's mined nonce being {@code minedNonce}. */
    public boolean resend(long minedNonce) {
      return minedNonce <= latest.nonce();
    }

    /** The draft the watch bumps: the job at {@code latest}'s gas limit and fees. */
    public TransactionDraft draft(ChainId chainId, boolean eip1559) {
      return new TransactionDraft(
          latest.relayer(),
          chainId,
          latest.nonce(),
          Optional.of(record.job()),
          latest.gasLimit(),
          latest.maxFeePerGas(),
          latest.tip(),
          eip1559);
    }
  }

  /** A live job holds the nonce but nothing was signed: it is planned and sent on that nonce. */
  record Sign(RelayRecord record) implements Resumption {}

  /** A gap filler is signed for the nonce: its bytes are sent again and watched. */
  record RewatchFiller(SignedTransaction latest) implements Resumption {
    /** The filler's draft at {@code latest}'s fees. */
    public TransactionDraft draft(ChainId chainId, boolean eip1559) {
      return TransactionDraft.gapFiller(
          latest.relayer(), chainId, latest.nonce(), latest.maxFeePerGas(), latest.tip(), eip1559);
    }
  }

  /**
   * An orphan, or a job already reported final: its bytes are never sent again (it may not execute
   * after being reported failed). A filler takes the nonce, priced to replace {@code earlier} if a
   * node still holds them; a receipt of theirs still confirms the record.
   */
  record Fill(List<SignedTransaction> earlier) implements Resumption {}

  /** What to do with {@code assignment}, whose record (if it has one) is {@code record} now. */
  static Resumption of(NonceAssignment assignment, Optional<RelayRecord> record) {
    boolean live = record.isPresent() && !record.get().state().isFinal();
    Optional<SignedTransaction> latest = assignment.latest();
    if (live && latest.isPresent()) {
      return new Rewatch(record.get(), latest.get());
    }
    if (live) {
      return new Sign(record.get());
    }
    if (latest.filter(Resumption::isFiller).isPresent()) {
      return new RewatchFiller(latest.get());
    }
    return new Fill(assignment.transactions());
  }

  /** A gap filler: the only transaction the engine signs with the plain-transfer gas limit. */
  private static boolean isFiller(SignedTransaction tx) {
    return tx.gasLimit().equals(TransactionDraft.TRANSFER_GAS);
  }
}
