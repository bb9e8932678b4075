package io.crogas.store.sqlite;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.port.out.KeyLeases;
import io.crogas.store.json.UnixNanos;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link KeyLeases} in the {@code key_lease} table: one row per relayer key with its last
 * fencing token, the holder (NULL once released) and the expiry in Unix nanoseconds. Each grant
 * reads and bumps the row inside one {@code BEGIN IMMEDIATE} transaction, so two instances on the
 * same file never both get the key; {@link SqliteNonceLedger}'s fenced writes check the row in the
 * transaction of the write.
 */
public final class SqliteKeyLeases implements KeyLeases {
  private final SqliteDatabase database;

  public SqliteKeyLeases(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Acquisition acquire(Address key, String holder, Instant now, Duration ttl) {
    return database.write(
        c -> {
          Optional<Row> row = row(c, key);
          Optional<KeyLease> held = row.flatMap(r -> r.lease(key));
          if (held.isPresent()
              && !held.get().holder().equals(holder)
              && !held.get().expiredAt(now)) {
            return new Acquisition.HeldByOther(held.get().holder(), held.get().expires());
          }
          KeyLease lease =
              new KeyLease(key, holder, row.map(r -> r.token() + 1).orElse(1L), now.plus(ttl));
          Sql.update(
              c,
              """
              INSERT INTO key_lease (relayer, holder, token, expires_nanos) VALUES (?, ?, ?, ?)
              ON CONFLICT (relayer) DO UPDATE
              SET holder = excluded.holder, token = excluded.token,
                expires_nanos = excluded.expires_nanos""",
              key.value(),
              holder,
              lease.token(),
              UnixNanos.of(lease.expires()));
          return new Acquisition.Granted(lease);
        });
  }

  @Override
  public Renewal renew(KeyLease lease, Instant now, Duration ttl) {
    KeyLease renewed = lease.until(now.plus(ttl));
    int changed =
        database.write(
            c ->
                Sql.update(
                    c,
                    """
                    UPDATE key_lease SET expires_nanos = ?
                    WHERE relayer = ? AND token = ? AND holder = ?""",
                    UnixNanos.of(renewed.expires()),
                    lease.key().value(),
                    lease.token(),
                    lease.holder()));
    return changed == 1 ? new Renewal.Renewed(renewed) : new Renewal.Lost();
  }

  @Override
  public void release(KeyLease lease) {
    database.write(
        c ->
            Sql.update(
                c,
                "UPDATE key_lease SET holder = NULL WHERE relayer = ? AND token = ? AND holder = ?",
                lease.key().value(),
                lease.token(),
                lease.holder()));
  }

  @Override
  public Optional<KeyLease> current(Address key) {
    return database.read(c -> row(c, key).flatMap(r -> r.lease(key)));
  }

  /**
   * Throws unless {@code lease} is {@code key}'s current lease; call inside the write transaction
   * it guards.
   */
  static void check(Connection c, KeyLease lease, Address key) throws SQLException {
    boolean current =
        lease.key().equals(key)
            && Sql.first(
                    c,
                    "SELECT 1 FROM key_lease WHERE relayer = ? AND token = ? AND holder = ?",
                    r -> true,
                    key.value(),
                    lease.token(),
                    lease.holder())
                .isPresent();
    if (!current) {
      throw new FencedOutException(key, lease.token());
    }
  }

  private static Optional<Row> row(Connection c, Address key) throws SQLException {
    return Sql.first(
        c,
        "SELECT holder, token, expires_nanos FROM key_lease WHERE relayer = ?",
        r ->
            new Row(
                Optional.ofNullable(r.getString("holder")),
                r.getLong("token"),
                r.getLong("expires_nanos")),
        key.value());
  }

  /** A key's row: its last token, and its lease unless released. */
  private record Row(Optional<String> holder, long token, long expiresNanos) {
    Optional<KeyLease> lease(Address key) {
      return holder.map(h -> new KeyLease(key, h, token, UnixNanos.instant(expiresNanos)));
    }
  }
}
