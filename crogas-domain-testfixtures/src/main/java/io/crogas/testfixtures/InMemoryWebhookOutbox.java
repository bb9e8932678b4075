package io.crogas.testfixtures;

import io.crogas.domain.model.Webhook;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookDelivery.Status;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The webhook outbox in maps: what the core's tests use instead of a store. */
public final class InMemoryWebhookOutbox implements WebhookOutbox {
  private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
  private final Map<String, WebhookDelivery> deliveries = new LinkedHashMap<>();
  private final Set<String> written = new HashSet<>();

  @Override
  public synchronized boolean add(Webhook webhook) {
    return webhooks.putIfAbsent(webhook.id(), webhook) == null;
  }

  @Override
  public synchronized List<Webhook> webhooks() {
    return List.copyOf(webhooks.values());
  }

  @Override
  public synchronized boolean remove(String webhookId) {
    if (webhooks.remove(webhookId) == null) {
      return false;
    }
    deliveries.values().removeIf(d -> d.webhookId().equals(webhookId));
    written.removeIf(key -> key.startsWith(webhookId + "|"));
    return true;
  }

  @Override
  public synchronized int enqueue(WebhookEvent event, String subject, String data, Instant at) {
    int added = 0;
    for (Webhook webhook : webhooks.values()) {
      if (webhook.wants(event) && written.add(webhook.id() + "|" + event + "|" + subject)) {
        String id = UUID.randomUUID().toString();
        deliveries.put(
            id,
            new WebhookDelivery(
                id,
                webhook.id(),
                event,
                subject,
                data,
                Status.PENDING,
                0,
                at,
                at,
                Optional.empty()));
        added++;
      }
    }
    return added;
  }

  @Override
  public synchronized List<Due> claimDue(Instant now, Duration lease, int limit) {
    List<Due> due = new ArrayList<>();
    for (WebhookDelivery d : oldestFirst()) {
      if (due.size() < limit && d.status() == Status.PENDING && !d.nextAttemptAt().isAfter(now)) {
        WebhookDelivery leased =
            change(d.id(), x -> x.after(x.status(), x.attempts(), now.plus(lease), x.lastError()));
        due.add(new Due(leased, webhooks.get(d.webhookId())));
      }
    }
    return due;
  }

  @Override
  public synchronized void delivered(String deliveryId, Instant at) {
    change(deliveryId, d -> d.after(Status.DELIVERED, d.attempts() + 1, at, Optional.empty()));
  }

  @Override
  public synchronized void retryAt(String deliveryId, Instant next, String error) {
    change(deliveryId, d -> d.after(Status.PENDING, d.attempts() + 1, next, Optional.of(error)));
  }

  @Override
  public synchronized void failed(String deliveryId, Instant at, String error) {
    change(deliveryId, d -> d.after(Status.FAILED, d.attempts() + 1, at, Optional.of(error)));
  }

  @Override
  public synchronized boolean redeliver(String deliveryId, Instant now) {
    if (!deliveries.containsKey(deliveryId)) {
      return false;
    }
    change(deliveryId, d -> d.after(Status.PENDING, 0, now, d.lastError()));
    return true;
  }

  @Override
  public synchronized Optional<WebhookDelivery> delivery(String deliveryId) {
    return Optional.ofNullable(deliveries.get(deliveryId));
  }

  @Override
  public synchronized List<WebhookDelivery> recent(int limit) {
    List<WebhookDelivery> newest = new ArrayList<>(oldestFirst());
    java.util.Collections.reverse(newest);
    return newest.stream().limit(limit).toList();
  }

  @Override
  public synchronized long count(Status status) {
    return deliveries.values().stream().filter(d -> d.status() == status).count();
  }

  private List<WebhookDelivery> oldestFirst() {
    List<WebhookDelivery> all = new ArrayList<>(deliveries.values());
    all.sort(Comparator.comparing(WebhookDelivery::createdAt));
    return all;
  }

  private WebhookDelivery change(String id, UnaryOperator<WebhookDelivery> step) {
    return deliveries.computeIfPresent(id, (key, d) -> step.apply(d));
  }
}
