package io.crogas.store.sqlite;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.Webhook;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookDelivery.Status;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.store.json.EventNames;
import io.crogas.store.json.UnixNanos;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link WebhookOutbox} in the {@code webhook} and {@code webhook_delivery} tables. A request
 * reaching its final state is enqueued by {@link SqliteJournal#update} inside the same transaction
 * that writes that state ({@link #enqueueFinished}): either both are committed or neither.
 */
public final class SqliteWebhookOutbox implements WebhookOutbox {
  private static final String DELIVERY =
      "SELECT id, webhook_id, event, subject, data, status, attempts, created_nanos,"
          + " next_attempt_nanos, last_error FROM webhook_delivery ";
  private static final String WEBHOOK =
      "SELECT id, url, events, secret, created_nanos FROM webhook ";

  private final SqliteDatabase database;

  public SqliteWebhookOutbox(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public boolean add(Webhook webhook) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "INSERT OR IGNORE INTO webhook (id, url, events, secret, created_nanos)"
                        + " VALUES (?, ?, ?, ?, ?)",
                    webhook.id(),
                    webhook.url().toString(),
                    EventNames.write(webhook.events()),
                    webhook.secret(),
                    UnixNanos.of(webhook.createdAt()))
                == 1);
  }

  @Override
  public List<Webhook> webhooks() {
    return database.read(c -> Sql.query(c, WEBHOOK + "ORDER BY seq", SqliteWebhookOutbox::webhook));
  }

  @Override
  public boolean remove(String webhookId) {
    return database.write(
        c -> {
          Sql.update(c, "DELETE FROM webhook_delivery WHERE webhook_id = ?", webhookId);
          return Sql.update(c, "DELETE FROM webhook WHERE id = ?", webhookId) == 1;
        });
  }

  @Override
  public int enqueue(WebhookEvent event, String subject, String data, Instant at) {
    return database.write(c -> enqueue(c, event, subject, data, at));
  }

  /**
   * Inside {@link SqliteJournal#update}'s transaction: the event {@code record} announces now that
   * it is final, for every webhook that wants it.
   */
  static void enqueueFinished(Connection c, RelayRecord record) throws SQLException {
    Optional<WebhookEvent> event = WebhookEvent.finished(record);
    if (event.isPresent()) {
      Instant at = record.history().get(record.history().size() - 1).at();
      enqueue(c, event.get(), record.id(), "", at);
    }
  }

  private static int enqueue(
      Connection c, WebhookEvent event, String subject, String data, Instant at)
      throws SQLException {
    // Matched in SQL, no row decoded: nothing about a webhook can make the journal's write fail.
    List<String> webhookIds =
        Sql.query(
            c,
            "SELECT id FROM webhook WHERE instr(',' || events || ',', ?) > 0 ORDER BY seq",
            row -> row.getString(1),
            "," + event.name() + ",");
    int written = 0;
    for (String webhookId : webhookIds) {
      written +=
          Sql.update(
              c,
              """
                INSERT OR IGNORE INTO webhook_delivery (id, webhook_id, event, subject, data,
                  status, attempts, created_nanos, next_attempt_nanos)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
              UUID.randomUUID().toString(),
              webhookId,
              event.name(),
              subject,
              data,
              UnixNanos.of(at),
              UnixNanos.of(at));
    }
    return written;
  }

  @Override
  public List<Due> claimDue(Instant now, Duration lease, int limit) {
    return database.write(
        c -> {
          List<WebhookDelivery> due =
              Sql.query(
                  c,
                  DELIVERY
                      + "WHERE status = 'PENDING' AND next_attempt_nanos <= ?"
                      + " ORDER BY created_nanos, seq LIMIT ?",
                  SqliteWebhookOutbox::delivery,
                  UnixNanos.of(now),
                  limit);
          List<Due> claimed = new ArrayList<>();
          for (WebhookDelivery delivery : due) {
            Instant until = now.plus(lease);
            Sql.update(
                c,
                "UPDATE webhook_delivery SET next_attempt_nanos = ? WHERE id = ?",
                UnixNanos.of(until),
                delivery.id());
            Webhook webhook =
                Sql.first(
                        c,
                        WEBHOOK + "WHERE id = ?",
                        SqliteWebhookOutbox::webhook,
                        delivery.webhookId())
                    .orElseThrow();
            claimed.add(
                new Due(
                    delivery.after(
                        delivery.status(), delivery.attempts(), until, delivery.lastError()),
                    webhook));
          }
          return claimed;
        });
  }

  @Override
  public void delivered(String deliveryId, Instant at) {
    finish(deliveryId, Status.DELIVERED, at, null);
  }

  @Override
  public void retryAt(String deliveryId, Instant next, String error) {
    finish(deliveryId, Status.PENDING, next, error);
  }

  @Override
  public void failed(String deliveryId, Instant at, String error) {
    finish(deliveryId, Status.FAILED, at, error);
  }

  private void finish(String deliveryId, Status status, Instant next, String error) {
    database.write(
        c ->
            Sql.update(
                c,
                "UPDATE webhook_delivery SET status = ?, attempts = attempts + 1,"
                    + " next_attempt_nanos = ?, last_error = ? WHERE id = ?",
                status.name(),
                UnixNanos.of(next),
                error,
                deliveryId));
  }

  @Override
  public boolean redeliver(String deliveryId, Instant now) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "UPDATE webhook_delivery SET status = 'PENDING', attempts = 0,"
                        + " next_attempt_nanos = ? WHERE id = ?",
                    UnixNanos.of(now),
                    deliveryId)
                == 1);
  }

  @Override
  public Optional<WebhookDelivery> delivery(String deliveryId) {
    return database.read(
        c -> Sql.first(c, DELIVERY + "WHERE id = ?", SqliteWebhookOutbox::delivery, deliveryId));
  }

  @Override
  public List<WebhookDelivery> recent(int limit) {
    return database.read(
        c ->
            Sql.query(
                c,
                DELIVERY + "ORDER BY created_nanos DESC, seq DESC LIMIT ?",
                SqliteWebhookOutbox::delivery,
                limit));
  }

  @Override
  public long count(Status status) {
    return database.read(
        c ->
            Sql.first(
                    c,
                    "SELECT count(*) FROM webhook_delivery WHERE status = ?",
                    row -> row.getLong(1),
                    status.name())
                .orElse(0L));
  }

  private static Webhook webhook(ResultSet row) throws SQLException {
    return new Webhook(
        row.getString("id"),
        URI.create(row.getString("url")),
        EventNames.read(row.getString("events")),
        row.getString("secret"),
        UnixNanos.instant(row.getLong("created_nanos")));
  }

  private static WebhookDelivery delivery(ResultSet row) throws SQLException {
    return new WebhookDelivery(
        row.getString("id"),
        row.getString("webhook_id"),
        WebhookEvent.valueOf(row.getString("event")),
        row.getString("subject"),
        row.getString("data"),
        Status.valueOf(row.getString("status")),
        row.getInt("attempts"),
        UnixNanos.instant(row.getLong("created_nanos")),
        UnixNanos.instant(row.getLong("next_attempt_nanos")),
        Optional.ofNullable(row.getString("last_error")));
  }
}
