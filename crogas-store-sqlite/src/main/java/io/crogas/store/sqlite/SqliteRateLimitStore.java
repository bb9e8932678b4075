package io.crogas.store.sqlite;

import io.crogas.domain.port.out.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link RateLimitStore} in the {@code rate_limit} table: one row per bucket holding the
 * current window's start and hit count. Windows are aligned to the epoch (a one-minute window
 * starts on the minute), so every process sharing the file agrees on them. Rows of ended windows
 * are deleted as hits arrive, so the table holds only buckets active in their current window.
 */
public final class SqliteRateLimitStore implements RateLimitStore {
  private final SqliteDatabase database;

  public SqliteRateLimitStore(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Decision hit(String bucket, int limit, Duration window, Instant now) {
    if (limit < 0 || window.toMillis() <= 0) {
      throw new IllegalArgumentException(
          "a rate limit needs limit >= 0 and a window of 1 ms or more");
    }
    long length = window.toMillis();
    long start = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), length);
    long end = start + length;
    return database.write(
        c -> {
          Sql.update(c, "DELETE FROM rate_limit WHERE window_end <= ?", now.toEpochMilli());
          Optional<Integer> counted =
              Sql.first(
                  c,
                  "SELECT hits FROM rate_limit WHERE bucket = ? AND window_start = ?",
                  row -> row.getInt(1),
                  bucket,
                  start);
          int hits = counted.orElse(0);
          if (hits >= limit) {
            return new Decision.Limited(Duration.between(now, Instant.ofEpochMilli(end)));
          }
          Sql.update(
              c,
              """
              INSERT INTO rate_limit (bucket, window_start, window_end, hits) VALUES (?, ?, ?, ?)
              ON CONFLICT (bucket) DO UPDATE SET window_start = excluded.window_start,
                window_end = excluded.window_end, hits = excluded.hits""",
              bucket,
              start,
              end,
              hits + 1);
          return new Decision.Allowed(limit - hits - 1);
        });
  }
}
