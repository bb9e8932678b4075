package io.crogas.domain.port.out;

import io.crogas.domain.model.Webhook;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registered webhooks and the durable outbox of their deliveries. An event is written here
 * before anyone is told about it (for a request reaching its final state, in the same write as that
 * state where the store allows), and stays until the receiver accepts it or the attempts run out.
 */
public interface WebhookOutbox {

  /** Registers {@code webhook}; refused (false) when its id is taken. */
  boolean add(Webhook webhook);

  /** The registered webhooks, oldest first. */
  List<Webhook> webhooks();

  /** Unregisters the webhook and drops its deliveries; false when there is no such webhook. */
  boolean remove(String webhookId);

  /**
   * Writes one pending delivery of {@code event} about {@code subject} for every webhook that wants
   * it, each with a new unique id, due at {@code at}. Writing the same event about the same subject
   * again adds nothing (a replayed step cannot announce twice). Answers how many were written.
   */
  int enqueue(WebhookEvent event, String subject, String data, Instant at);

  /**
   * The pending deliveries due at {@code now}, oldest first, at most {@code limit}, each with its
   * webhook; each is pushed {@code lease} into the future in the same write, so that a second
   * sender on the same store does not take it too. A sender that dies holding one loses nothing: it
   * is due again when the lease ends, with the same id.
   */
  List<Due> claimDue(Instant now, Duration lease, int limit);

  /** The receiver accepted the delivery. */
  void delivered(String deliveryId, Instant at);

  /** The attempt failed: one more attempt counted, due again at {@code next}. */
  void retryAt(String deliveryId, Instant next, String error);

  /** The attempt failed and it was the last: the delivery is failed, visible until redelivered. */
  void failed(String deliveryId, Instant at, String error);

  /** Makes a delivery pending again, due at {@code now} with a fresh count of attempts. */
  boolean redeliver(String deliveryId, Instant now);

  Optional<WebhookDelivery> delivery(String deliveryId);

  /** The most recent deliveries, newest first. */
  List<WebhookDelivery> recent(int limit);

  /** How many deliveries are in {@code status}. */
  long count(WebhookDelivery.Status status);

  /** A delivery claimed for sending, and where it goes. */
  record Due(WebhookDelivery delivery, Webhook webhook) {}
}
