package io.crogas.store.sqlite;

import io.crogas.domain.StoreUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, as an append-only list of migrations: migration {@code n} takes a database from
 * schema version {@code n} to {@code n + 1}. Never edit a released migration; add the next one.
 *
 * <p>Queries the core makes often ({@code inFlight}, {@code recent}, {@code inFlightNonces},
 * pending nonces) are answered from indexed columns; the JSON body is only decoded for rows
 * returned.
 */
final class Schema {
  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              """
              CREATE TABLE relay_record (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                idempotency_key TEXT NOT NULL UNIQUE,
                version INTEGER NOT NULL,
                state TEXT NOT NULL,
                final INTEGER NOT NULL,
                payer TEXT NOT NULL,
                forwarder_user TEXT,
                meta_nonce TEXT,
                created_second INTEGER NOT NULL,
                created_nano INTEGER NOT NULL,
                body TEXT NOT NULL)""",
              """
              CREATE INDEX relay_record_in_flight
                ON relay_record (created_second, created_nano, seq) WHERE final = 0""",
              "CREATE INDEX relay_record_created ON relay_record (created_second, created_nano, seq)",
              """
              CREATE INDEX relay_record_payer
                ON relay_record (payer, created_second, created_nano, seq)""",
              """
              CREATE INDEX relay_record_user_in_flight
                ON relay_record (forwarder_user) WHERE final = 0""",
              """
              CREATE TABLE fee_quote (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                quote_id TEXT NOT NULL,
                digest TEXT NOT NULL,
                expires_second INTEGER NOT NULL,
                body TEXT NOT NULL)""",
              "CREATE INDEX fee_quote_digest ON fee_quote (digest, seq)",
              "CREATE INDEX fee_quote_expiry ON fee_quote (expires_second)",
              """
              CREATE TABLE rate_limit (
                bucket TEXT PRIMARY KEY,
                window_start INTEGER NOT NULL,
                window_end INTEGER NOT NULL,
                hits INTEGER NOT NULL) WITHOUT ROWID""",
              "CREATE INDEX rate_limit_end ON rate_limit (window_end)",
              """
              CREATE TABLE nonce_assignment (
                relayer TEXT NOT NULL,
                nonce INTEGER NOT NULL,
                record_id TEXT,
                mined_hash TEXT,
                PRIMARY KEY (relayer, nonce)) WITHOUT ROWID""",
              """
              CREATE INDEX nonce_assignment_record
                ON nonce_assignment (record_id) WHERE record_id IS NOT NULL""",
              """
              CREATE TABLE signed_transaction (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                relayer TEXT NOT NULL,
                nonce INTEGER NOT NULL,
                hash TEXT NOT NULL,
                raw TEXT NOT NULL,
                max_fee_per_gas TEXT NOT NULL,
                tip TEXT NOT NULL,
                gas_limit TEXT NOT NULL,
                signed_second INTEGER NOT NULL,
                signed_nano INTEGER NOT NULL,
                FOREIGN KEY (relayer, nonce) REFERENCES nonce_assignment (relayer, nonce))""",
              "CREATE INDEX signed_transaction_nonce ON signed_transaction (relayer, nonce, seq)"),
          // 1 -> 2: webhooks and the outbox of their deliveries (SqliteWebhookOutbox). Times are
          // Unix nanoseconds.
          List.of(
              """
              CREATE TABLE webhook (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                url TEXT NOT NULL,
                events TEXT NOT NULL,
                secret TEXT NOT NULL,
                created_nanos INTEGER NOT NULL)""",
              """
              CREATE TABLE webhook_delivery (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                webhook_id TEXT NOT NULL,
                event TEXT NOT NULL,
                subject TEXT NOT NULL,
                data TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                created_nanos INTEGER NOT NULL,
                next_attempt_nanos INTEGER NOT NULL,
                last_error TEXT,
                UNIQUE (webhook_id, event, subject))""",
              """
              CREATE INDEX webhook_delivery_due
                ON webhook_delivery (next_attempt_nanos, created_nanos, seq)
                WHERE status = 'PENDING'""",
              "CREATE INDEX webhook_delivery_created ON webhook_delivery (created_nanos, seq)"),
          // 2 -> 3: API keys (SqliteApiKeys), by the SHA-256 of their secret; per_minute NULL
          // follows the server's default. Rate limits moved to the server's memory (Bucket4j):
          // their table goes.
          List.of(
              """
              CREATE TABLE api_key (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                secret_hash TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                per_minute INTEGER,
                created_nanos INTEGER NOT NULL,
                revoked_nanos INTEGER)""",
              "DROP TABLE rate_limit"),
          // 3 -> 4: relayer key leases (SqliteKeyLeases). A key's row stays once created: its
          // token only grows, and a released lease keeps it with a NULL holder.
          List.of(
              """
              CREATE TABLE key_lease (
                relayer TEXT PRIMARY KEY,
                holder TEXT,
                token INTEGER NOT NULL,
                expires_nanos INTEGER NOT NULL) WITHOUT ROWID"""));

  private Schema() {}

  /** The version this code writes. */
  static int current() {
    return MIGRATIONS.size();
  }

  /** Brings the database up to {@link #current()}; call inside a write transaction. */
  static void migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      int version = version(statement);
      if (version > current()) {
        throw new StoreUnavailableException(
            "the database has schema version "
                + version
                + " but this CroGas knows only up to "
                + current()
                + ": it was written by a newer release");
      }
      for (int next = version; next < current(); next++) {
        for (String sql : MIGRATIONS.get(next)) {
          statement.execute(sql);
        }
      }
      statement.execute("DELETE FROM schema_version");
      statement.execute("INSERT INTO schema_version (version) VALUES (" + current() + ")");
    }
  }

  static int version(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}
