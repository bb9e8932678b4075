package io.crogas.cli;

import io.crogas.node.StoreLocation;
import io.crogas.testkit.RedisServer;
import java.nio.file.Path;
import java.util.Optional;

/** The stores several instances can share in the multi-instance drills: a SQLite file or Redis. */
enum SharedStore {
  SQLITE,
  REDIS;

  /** A fresh, empty store of this kind; closing it stops its server, if it has one. */
  Opened open(Path dir) {
    if (this == SQLITE) {
      return new Opened(new StoreLocation.SqliteFile(dir.resolve("crogas.db")), Optional.empty());
    }
    RedisServer redis = RedisServer.start();
    return new Opened(
        new StoreLocation.Redis(redis.uri(), StoreLocation.Redis.DEFAULT_PREFIX),
        Optional.of(redis));
  }

  /** An open store: where the nodes find it, and its Redis server when it is one. */
  record Opened(StoreLocation location, Optional<RedisServer> redis) implements AutoCloseable {
    /** What {@code CROGAS_STORE} takes for it: the file path or the {@code redis://} URI. */
    String setting() {
      return redis.map(RedisServer::uri).orElseGet(location::describe);
    }

    @Override
    public void close() {
      redis.ifPresent(RedisServer::close);
    }
  }
}
