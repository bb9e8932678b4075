package io.crogas.store.sqlite;

import io.crogas.domain.model.ApiKey;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.ApiKeys;
import io.crogas.store.json.UnixNanos;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The {@link ApiKeys} in the {@code api_key} table: one row per key, the secret's hash only. */
public final class SqliteApiKeys implements ApiKeys {
  private final SqliteDatabase database;

  public SqliteApiKeys(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public boolean add(ApiKey key) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "INSERT OR IGNORE INTO api_key (id, secret_hash, label, per_minute,"
                        + " created_nanos, revoked_nanos) VALUES (?, ?, ?, ?, ?, ?)",
                    key.id(),
                    key.secretHash().hex(),
                    key.label(),
                    key.limits().requestsPerMinute().isPresent()
                        ? key.limits().requestsPerMinute().getAsInt()
                        : null,
                    UnixNanos.of(key.createdAt()),
                    key.revokedAt().map(UnixNanos::of).orElse(null))
                == 1);
  }

  @Override
  public List<ApiKey> list() {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT id, secret_hash, label, per_minute, created_nanos, revoked_nanos"
                    + " FROM api_key ORDER BY seq",
                SqliteApiKeys::key));
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "UPDATE api_key SET revoked_nanos = ? WHERE id = ? AND revoked_nanos IS NULL",
                    UnixNanos.of(at),
                    id)
                == 1);
  }

  private static ApiKey key(ResultSet row) throws SQLException {
    int perMinute = row.getInt("per_minute");
    OptionalInt limit = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(perMinute);
    long revoked = row.getLong("revoked_nanos");
    Optional<Instant> revokedAt =
        row.wasNull() ? Optional.empty() : Optional.of(UnixNanos.instant(revoked));
    return new ApiKey(
        row.getString("id"),
        new Hash32(row.getString("secret_hash")),
        row.getString("label"),
        new ApiKey.Limits(limit),
        UnixNanos.instant(row.getLong("created_nanos")),
        revokedAt);
  }
}
