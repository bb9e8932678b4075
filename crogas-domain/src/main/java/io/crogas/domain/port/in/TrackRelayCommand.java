package io.crogas.domain.port.in;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import java.time.Instant;
import java.util.Set;

/** A step of the job journaled as {@code id}, as the relayer saw it at {@code at}. */
public sealed interface TrackRelayCommand
    permits TrackRelayCommand.Submitted,
        TrackRelayCommand.Confirmed,
        TrackRelayCommand.Failed,
        TrackRelayCommand.FailedUnsent {
  String id();

  Instant at();

  /** A transaction for the job was sent, or a stuck one replaced (same nonce, new hash). */
  record Submitted(String id, Hash32 txHash, Instant at) implements TrackRelayCommand {
    public Submitted {
      if (id == null || txHash == null || at == null) {
        throw new IllegalArgumentException("id, txHash and at are required");
      }
    }
  }

  /** The chain included one of the job's transactions. */
  record Confirmed(String id, Receipt receipt, Instant at) implements TrackRelayCommand {
    public Confirmed {
      if (id == null || receipt == null || at == null) {
        throw new IllegalArgumentException("id, receipt and at are required");
      }
    }
  }

  /** The job cannot complete; {@code reason} says why. */
  record Failed(String id, String reason, Instant at) implements TrackRelayCommand {
    public Failed {
      if (id == null || reason == null || at == null) {
        throw new IllegalArgumentException("id, reason and at are required");
      }
    }
  }

  /**
   * The job cannot complete and none of its transactions is out: none was sent, or the node refused
   * each of {@code refusedByNode}. Journaled only while no other transaction of it is out ({@link
   * io.crogas.domain.model.RelayRecord#failedUnsent}), so an instance that failed before sending
   * never reports failed a job another instance sent.
   */
  record FailedUnsent(String id, String reason, Set<Hash32> refusedByNode, Instant at)
      implements TrackRelayCommand {
    public FailedUnsent {
      if (id == null || reason == null || refusedByNode == null || at == null) {
        throw new IllegalArgumentException("id, reason, refusedByNode and at are required");
      }
      refusedByNode = Set.copyOf(refusedByNode);
    }
  }
}
