package io.crogas.domain.relay;

import io.crogas.domain.port.out.Broadcaster.SendResult;

/**
 * What the node's answer to a job's first send means for the job (PRODUCT §6: "already known",
 * "nonce too low" and "replacement underpriced" mean the transaction may be out; an unknown error
 * means "unknown", never "refused").
 */
public sealed interface SendVerdict
    permits SendVerdict.Watch, SendVerdict.Abandon, SendVerdict.MoveToAnotherKey {

  /**
   * Taken, or possibly out: accepted, already known, underpriced (a transaction for the nonce is
   * pooled), nonce too low (it may be ours, mined), unreachable (it may have arrived). The watch
   * finds out; nothing is re-sent with a new nonce.
   */
  record Watch() implements SendVerdict {}

  /**
   * Refused for good: the job fails and a gap filler takes its nonce, so no gap blocks the lane.
   */
  record Abandon(String reason) implements SendVerdict {}

  /**
   * The key cannot pay: nothing of the job is pooled, so it moves to a key that can, and its nonce
   * is filled once this key can pay again.
   */
  record MoveToAnotherKey() implements SendVerdict {}

  static SendVerdict of(SendResult answer) {
    if (answer instanceof SendResult.InsufficientFunds) {
      return new MoveToAnotherKey();
    }
    if (answer instanceof SendResult.Rejected rejected) {
      return new Abandon("the node refused the transaction: " + rejected.reason());
    }
    return new Watch();
  }

  /** Whether the node refused a send (no funds, or for good): those bytes are not pooled. */
  static boolean refused(SendResult answer) {
    return answer instanceof SendResult.InsufficientFunds || answer instanceof SendResult.Rejected;
  }
}
