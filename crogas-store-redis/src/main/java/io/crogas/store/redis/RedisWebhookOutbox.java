package io.crogas.store.redis;

import io.crogas.domain.model.Webhook;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookDelivery.Status;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.store.json.EventNames;
import io.lettuce.core.ScriptOutputType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link WebhookOutbox} in Redis: a hash per webhook and per delivery, the webhooks in the
 * order added, every delivery in creation order, the pending ones indexed by when they are due, a
 * set per status, and per webhook the (event, subject) pairs it has a delivery for. Every write is
 * one script; {@link RedisJournal#update} enqueues a final record's deliveries in its own script
 * (the same functions, {@code outbox.lua}), so the state and its announcement are one step.
 */
public final class RedisWebhookOutbox implements WebhookOutbox {
  private static final LuaScript ADD = LuaScript.load("webhook_add.lua");
  private static final LuaScript REMOVE = LuaScript.load("webhook_remove.lua");
  private static final LuaScript ENQUEUE = LuaScript.load("outbox_enqueue.lua", "outbox.lua");
  private static final LuaScript CLAIM = LuaScript.load("outbox_claim.lua", "outbox.lua");
  private static final LuaScript FINISH = LuaScript.load("outbox_finish.lua", "outbox.lua");
  private static final LuaScript REDELIVER = LuaScript.load("outbox_redeliver.lua", "outbox.lua");

  private final RedisStore store;

  public RedisWebhookOutbox(RedisStore store) {
    this.store = store;
  }

  @Override
  public boolean add(Webhook webhook) {
    Long added =
        store.run(
            ADD,
            ScriptOutputType.INTEGER,
            webhook.id(),
            webhook.url().toString(),
            EventNames.write(webhook.events()),
            webhook.secret(),
            RedisTimes.nanos(webhook.createdAt()));
    return added == 1;
  }

  @Override
  public List<Webhook> webhooks() {
    return store.call(
        redis ->
            redis.zrange(store.key("wh:hooks"), 0, -1).stream()
                .map(id -> redis.hgetall(store.key("wh:hook:" + id)))
                .filter(fields -> !fields.isEmpty())
                .map(RedisWebhookOutbox::webhook)
                .toList());
  }

  @Override
  public boolean remove(String webhookId) {
    Long removed = store.run(REMOVE, ScriptOutputType.INTEGER, webhookId);
    return removed == 1;
  }

  @Override
  public int enqueue(WebhookEvent event, String subject, String data, Instant at) {
    Long written =
        store.run(
            ENQUEUE,
            ScriptOutputType.INTEGER,
            event.name(),
            subject,
            data,
            RedisTimes.nanos(at),
            UUID.randomUUID().toString());
    return Math.toIntExact(written);
  }

  @Override
  public List<Due> claimDue(Instant now, Duration lease, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<Object> claimed =
        RedisStore.list(
            store.run(
                CLAIM,
                ScriptOutputType.MULTI,
                RedisTimes.nanos(now),
                RedisTimes.nanos(now.plus(lease)),
                Integer.toString(limit)));
    return claimed.stream()
        .map(RedisStore::list)
        .map(
            pair ->
                new Due(
                    delivery(fields(RedisStore.list(pair.get(0)))),
                    webhook(fields(RedisStore.list(pair.get(1))))))
        .toList();
  }

  @Override
  public void delivered(String deliveryId, Instant at) {
    finish(deliveryId, Status.DELIVERED, at, Optional.empty());
  }

  @Override
  public void retryAt(String deliveryId, Instant next, String error) {
    finish(deliveryId, Status.PENDING, next, Optional.of(error));
  }

  @Override
  public void failed(String deliveryId, Instant at, String error) {
    finish(deliveryId, Status.FAILED, at, Optional.of(error));
  }

  private void finish(String deliveryId, Status status, Instant next, Optional<String> error) {
    store.run(
        FINISH,
        ScriptOutputType.INTEGER,
        deliveryId,
        status.name(),
        RedisTimes.nanos(next),
        error.orElse(""),
        error.isPresent() ? "1" : "0");
  }

  @Override
  public boolean redeliver(String deliveryId, Instant now) {
    Long done = store.run(REDELIVER, ScriptOutputType.INTEGER, deliveryId, RedisTimes.nanos(now));
    return done == 1;
  }

  @Override
  public Optional<WebhookDelivery> delivery(String deliveryId) {
    Map<String, String> fields = store.call(redis -> redis.hgetall(deliveryKey(deliveryId)));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    fields.put("id", deliveryId);
    return Optional.of(delivery(fields));
  }

  @Override
  public List<WebhookDelivery> recent(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return store.call(
        redis ->
            redis.zrevrange(store.key("wh:all"), 0, limit - 1).stream()
                .map(order -> order.substring(41))
                .map(
                    id -> {
                      Map<String, String> fields = new HashMap<>(redis.hgetall(deliveryKey(id)));
                      fields.put("id", id);
                      return fields;
                    })
                .filter(fields -> fields.size() > 1)
                .map(RedisWebhookOutbox::delivery)
                .toList());
  }

  @Override
  public long count(Status status) {
    return store.call(redis -> redis.scard(store.key("wh:status:" + status.name())));
  }

  private String deliveryKey(String id) {
    return store.key("wh:d:" + id);
  }

  /** A script's flat list of field, value, field, value... */
  private static Map<String, String> fields(List<Object> flat) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      fields.put((String) flat.get(i), (String) flat.get(i + 1));
    }
    return fields;
  }

  private static Webhook webhook(Map<String, String> fields) {
    return new Webhook(
        fields.get("id"),
        URI.create(fields.get("url")),
        EventNames.read(fields.get("events")),
        fields.get("secret"),
        RedisTimes.instant(fields.get("created")));
  }

  private static WebhookDelivery delivery(Map<String, String> fields) {
    return new WebhookDelivery(
        fields.get("id"),
        fields.get("webhook"),
        WebhookEvent.valueOf(fields.get("event")),
        fields.get("subject"),
        fields.get("data"),
        Status.valueOf(fields.get("status")),
        Integer.parseInt(fields.get("attempts")),
        RedisTimes.instant(fields.get("created")),
        RedisTimes.instant(fields.get("next")),
        Optional.ofNullable(fields.get("error")));
  }
}
