package io.crogas.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One event to send to one webhook, as the outbox keeps it. Its {@code id} is fixed when the event
 * is written and sent with every attempt, so a receiver can drop a repeat.
 *
 * @param subject what the event is about: the request id for settlement and relay events, the
 *     relayer address (and the time it was seen) for a low balance
 * @param data event details the outbox keeps verbatim (JSON), empty when the subject says it all
 * @param attempts sends tried so far
 * @param nextAttemptAt when a pending delivery is due next
 */
public record WebhookDelivery(
    String id,
    String webhookId,
    WebhookEvent event,
    String subject,
    String data,
    Status status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Optional<String> lastError) {

  public WebhookDelivery {
    if (id == null
        || webhookId == null
        || event == null
        || subject == null
        || data == null
        || status == null
        || createdAt == null
        || nextAttemptAt == null
        || lastError == null) {
      throw new IllegalArgumentException("every delivery field is required");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts cannot be negative");
    }
  }

  /** This delivery with its status, attempts, next attempt time and last error replaced. */
  public WebhookDelivery after(
      Status nextStatus, int nextAttempts, Instant nextAttempt, Optional<String> error) {
    return new WebhookDelivery(
        id,
        webhookId,
        event,
        subject,
        data,
        nextStatus,
        nextAttempts,
        createdAt,
        nextAttempt,
        error);
  }

  /** Where a delivery is: waiting to be (re)sent, accepted by the receiver, or given up. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }
}
