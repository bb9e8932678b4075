package io.crogas.node;

import io.crogas.store.redis.RedisStore;
import io.lettuce.core.RedisURI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node keeps its journal, nonce lanes, quotes, webhooks and API keys: an embedded SQLite
 * file (the default; one instance), or a Redis that several instances share.
 */
public sealed interface StoreLocation {

  /**
   * {@code redis://[:password@]host:port[/db]} or {@code rediss://…} (TLS) is a Redis, as Lettuce's
   * {@link RedisURI} reads it, its keys under {@code prefix}; anything else is a file path.
   */
  static StoreLocation parse(String value, String prefix) {
    String trimmed = value.strip();
    if (trimmed.startsWith("redis://") || trimmed.startsWith("rediss://")) {
      return new Redis(trimmed, prefix);
    }
    return new SqliteFile(Path.of(trimmed));
  }

  /** What the logs and errors may show: never a password. */
  String describe();

  /** The embedded store, one file (created if missing). */
  record SqliteFile(Path file) implements StoreLocation {
    public SqliteFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /**
   * A Redis several instances share, every key under {@code prefix}.
   *
   * @param uri {@code redis://} or {@code rediss://}, checked by {@link RedisURI}
   */
  record Redis(String uri, String prefix) implements StoreLocation {
    /** The prefix of every key unless configured. */
    public static final String DEFAULT_PREFIX = RedisStore.DEFAULT_PREFIX;

    public Redis {
      Objects.requireNonNull(prefix, "prefix");
      redisUri(uri);
    }

    /** The URI as Lettuce reads it; an unreadable one is refused with the reason, no password. */
    public RedisURI redisUri() {
      return redisUri(uri);
    }

    private static RedisURI redisUri(String uri) {
      Objects.requireNonNull(uri, "uri");
      try {
        return RedisURI.create(uri);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a Redis URI (redis://[:password@]host:port[/db] or rediss://…)", e);
      }
    }

    @Override
    public String describe() {
      return RedisStore.describe(redisUri());
    }

    @Override
    public String toString() {
      return "Redis[" + describe() + ", prefix=" + prefix + "]";
    }
  }
}
