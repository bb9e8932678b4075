package io.crogas.store.redis;

import io.crogas.domain.StoreUnavailableException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ExecutionStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Token buckets in Redis (Bucket4j's Lettuce backend, compare-and-swap), so that every instance on
 * the Redis counts against one budget per client: what the HTTP adapter's {@code LimitBuckets}
 * takes as {@code redisBuckets::bucket}. Each bucket is a key {@code limit:<name>} under the
 * store's prefix that expires once it would be full again. A bucket whose Redis fails throws {@link
 * StoreUnavailableException} (HTTP 503), never a limit that silently stops counting.
 */
public final class RedisTokenBuckets implements AutoCloseable {
  /** How long a bucket is kept after it is full again (not needed: a new one is full). */
  private static final Duration KEEP_FULL = Duration.ofSeconds(1);

  private final StatefulRedisConnection<String, byte[]> connection;
  private final LettuceBasedProxyManager<String> buckets;
  private final String prefix;

  private RedisTokenBuckets(
      StatefulRedisConnection<String, byte[]> connection,
      LettuceBasedProxyManager<String> buckets,
      String prefix) {
    this.connection = connection;
    this.buckets = buckets;
    this.prefix = prefix;
  }

  /** Buckets on {@code store}'s Redis and under its prefix, on a connection of their own. */
  public static RedisTokenBuckets open(RedisStore store) {
    StatefulRedisConnection<String, byte[]> connection =
        store.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    LettuceBasedProxyManager<String> buckets =
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
            .requestTimeout(RedisStore.COMMAND_TIMEOUT)
            .executionStrategy(new Unavailable(store.location()))
            .build();
    return new RedisTokenBuckets(connection, buckets, store.prefix());
  }

  /** The bucket named {@code key}; when Redis has none, a full one with {@code configuration}. */
  public Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.builder().build(prefix + "limit:" + key, () -> configuration);
  }

  /** Closes the buckets' connection (the store's stays open). */
  @Override
  public void close() {
    connection.close();
  }

  /** Runs each bucket operation on the caller's thread; a failure of Redis is "unavailable". */
  private record Unavailable(String where) implements ExecutionStrategy {
    @Override
    public <T> T execute(Supplier<T> supplier) {
      try {
        return supplier.get();
      } catch (StoreUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new StoreUnavailableException(
            "the rate limits in the Redis store at " + where + " failed: " + e.getMessage(), e);
      }
    }

    @Override
    public <T> CompletableFuture<T> executeAsync(Supplier<CompletableFuture<T>> supplier) {
      return supplier.get();
    }
  }
}
