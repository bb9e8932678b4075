package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.RelayerSigner;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Signs, records and sends, in that order: the ledger holds the signed bytes and the journal the
 * hash before the node sees anything, so a crash at any point leaves enough to finish the job
 * without signing anything new for the nonce, and a job the journal will not take as submitted is
 * not sent.
 */
final class Transmitter {
  private static final System.Logger LOG = System.getLogger(Transmitter.class.getName());

  private final RelayerSigner signer;
  private final NonceLedger ledger;
  private final Broadcaster broadcaster;
  private final TrackRelayUseCase tracking;
  private final InstantSource clock;
  private final int attempts;
  private final KeyHolding holding;

  Transmitter(
      KeyHolding holding,
      RelayerSigner signer,
      NonceLedger ledger,
      Broadcaster broadcaster,
      TrackRelayUseCase tracking,
      InstantSource clock,
      int attempts) {
    this.signer = signer;
    this.ledger = ledger;
    this.broadcaster = broadcaster;
    this.tracking = tracking;
    this.clock = clock;
    this.attempts = attempts;
    this.holding = holding;
  }

  /**
   * Signs {@code draft}, records it and, for a job ({@code recordId}), journals its hash; sends it
   * only when both writes took. A job's SUBMITTED step is refused once another instance failed the
   * job before anything was sent ({@code RelayRecord.failedUnsent}): nothing is sent then, so a job
   * reported failed is never charged.
   *
   * <p>Crash windows (the journal step stays after the ledger's, so SUBMITTED always means "bytes
   * recorded and maybe out"): before the ledger write, a restart signs again or fills; between the
   * two writes, a restart finds the bytes recorded and the record either live (the reconciliation
   * journals and re-sends them) or final (a filler takes the nonce, the bytes are never sent);
   * after the journal step, the bytes may be out and are re-sent.
   */
  Transmission transmit(TransactionDraft draft, Optional<String> recordId) {
    if (!holding.holds(draft.relayer())) {
      // Nothing new is signed with a key another instance holds; the ledger would refuse it too.
      throw new FencedOutException(draft.relayer(), 0);
    }
    SignedTransaction signed = signer.sign(draft);
    if (!ledger.recordSigned(signed)) {
      return new Transmission.NonceRefused();
    }
    if (recordId.isPresent()) {
      RelayRecord.Step step =
          tracking.track(
              new TrackRelayCommand.Submitted(recordId.get(), signed.hash(), clock.instant()));
      if (step instanceof RelayRecord.Step.Refused refused) {
        LOG.log(
            System.Logger.Level.WARNING,
            "not sending {0} for {1}: {2}",
            signed.hash(),
            recordId.get(),
            refused.reason());
        return new Transmission.Unjournaled(signed);
      }
    }
    SendResult result = send(signed);
    LOG.log(
        System.Logger.Level.INFO,
        "sent {0} for {1}: relayer {2} nonce {3}, fee cap {4} wei: {5}",
        signed.hash(),
        recordId.orElse("a gap filler"),
        signed.relayer(),
        signed.nonce(),
        signed.maxFeePerGas(),
        result.getClass().getSimpleName());
    return new Transmission.Sent(signed, result);
  }

  /** Sends recorded bytes, trying again a bounded number of times while the node is unreachable. */
  SendResult send(SignedTransaction signed) {
    SendResult result = new SendResult.Unreachable("not sent");
    for (int attempt = 0; attempt < attempts; attempt++) {
      try {
        result = broadcaster.send(signed);
      } catch (ChainUnavailableException e) {
        result = new SendResult.Unreachable(e.getMessage());
      }
      if (!(result instanceof SendResult.Unreachable)) {
        return result;
      }
    }
    return result;
  }

  /** What {@link #transmit} did. */
  sealed interface Transmission
      permits Transmission.Sent, Transmission.NonceRefused, Transmission.Unjournaled {
    /** A transaction as signed and the node's answer to it. */
    record Sent(SignedTransaction transaction, SendResult result) implements Transmission {}

    /** The ledger refused the nonce (no longer this key's, or fenced): nothing recorded or sent. */
    record NonceRefused() implements Transmission {}

    /**
     * The bytes are recorded but the journal refused the job's SUBMITTED step (the job is final
     * already, or the journal kept changing): nothing was sent.
     */
    record Unjournaled(SignedTransaction transaction) implements Transmission {}
  }
}
