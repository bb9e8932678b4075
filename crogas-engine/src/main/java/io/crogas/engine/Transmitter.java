package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.FencedOutException;
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
 * without signing anything new for the nonce.
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

  /** What was sent and what the node said; empty when the ledger refused the nonce. */
  Optional<Sent> transmit(TransactionDraft draft, Optional<String> recordId) {
    if (!holding.holds(draft.relayer())) {
      // Nothing new is signed with a key another instance holds; the ledger would refuse it too.
      throw new FencedOutException(draft.relayer(), 0);
    }
    SignedTransaction signed = signer.sign(draft);
    if (!ledger.recordSigned(signed)) {
      return Optional.empty();
    }
    recordId.ifPresent(
        id -> tracking.track(new TrackRelayCommand.Submitted(id, signed.hash(), clock.instant())));
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
    return Optional.of(new Sent(signed, result));
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

  /** A transaction as signed and the node's answer to it. */
  record Sent(SignedTransaction transaction, SendResult result) {}
}
