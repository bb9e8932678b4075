package io.crogas.node;

import io.crogas.domain.port.out.ApiKeys;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.QuoteBook;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.store.redis.RedisApiKeys;
import io.crogas.store.redis.RedisJournal;
import io.crogas.store.redis.RedisKeyLeases;
import io.crogas.store.redis.RedisNonceLedger;
import io.crogas.store.redis.RedisQuoteBook;
import io.crogas.store.redis.RedisStore;
import io.crogas.store.redis.RedisTokenBuckets;
import io.crogas.store.redis.RedisWebhookOutbox;
import io.crogas.store.sqlite.SqliteApiKeys;
import io.crogas.store.sqlite.SqliteDatabase;
import io.crogas.store.sqlite.SqliteJournal;
import io.crogas.store.sqlite.SqliteKeyLeases;
import io.crogas.store.sqlite.SqliteNonceLedger;
import io.crogas.store.sqlite.SqliteQuoteBook;
import io.crogas.store.sqlite.SqliteWebhookOutbox;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The store ports on one {@link StoreLocation}, and what closes them: what a node runs on, and what
 * the operator's tools ({@code crogas apikeys}, {@code crogas webhooks}) change while it runs. The
 * key leases are those the store's {@code nonceLedger().fenced(lease)} views check.
 */
public record NodeStores(
    Journal journal,
    NonceLedger nonceLedger,
    QuoteBook quoteBook,
    WebhookOutbox webhooks,
    ApiKeys apiKeys,
    KeyLeases keyLeases,
    Optional<RedisTokenBuckets> sharedBuckets,
    AutoCloseable closer)
    implements AutoCloseable {

  /** Opens the store at {@code location}; quotes expire by {@code clock}. */
  public static NodeStores open(StoreLocation location, InstantSource clock) {
    if (location instanceof StoreLocation.Redis redis) {
      RedisStore store = RedisStore.open(redis.redisUri(), redis.prefix());
      try {
        RedisTokenBuckets buckets = RedisTokenBuckets.open(store);
        return new NodeStores(
            new RedisJournal(store),
            new RedisNonceLedger(store),
            new RedisQuoteBook(store, clock),
            new RedisWebhookOutbox(store),
            new RedisApiKeys(store),
            new RedisKeyLeases(store),
            Optional.of(buckets),
            () -> {
              try (store) {
                buckets.close();
              }
            });
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }
    SqliteDatabase database = SqliteDatabase.open(((StoreLocation.SqliteFile) location).file());
    return new NodeStores(
        new SqliteJournal(database),
        new SqliteNonceLedger(database),
        new SqliteQuoteBook(database),
        new SqliteWebhookOutbox(database),
        new SqliteApiKeys(database),
        new SqliteKeyLeases(database),
        Optional.empty(),
        database);
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      // Closing releases connections; nothing is left to write.
      throw new IllegalStateException("closing the store failed", e);
    }
  }
}
