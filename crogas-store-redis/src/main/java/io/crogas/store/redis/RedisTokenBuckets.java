package io.crogas.store.redis;

import io.crogas.domain.StoreUnavailableException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ExecutionStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
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
 * takes as {@code redisBuckets::bucket}. Each bucket is a key {@code limit:<name>} under the prefix
 * that expires once it would be full again. A bucket whose Redis fails throws {@link
 * StoreUnavailableException} (HTTP 503), never a limit that silently stops counting.
 */
public final class RedisTokenBuckets implements AutoCloseable {
  /** How long a full bucket is kept after it is full again (none is needed: a new one is full). */
  private static final Duration KEEP_FULL = Duration.ofSeconds(1);

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final LettuceBasedProxyManager<String> buckets;
  private final String prefix;

  private RedisTokenBuckets(
      RedisClient client,
      StatefulRedisConnection<String, byte[]> connection,
      LettuceBasedProxyManager<String> buckets,
      String prefix) {
    this.client = client;
    this.connection = connection;
    this.buckets = buckets;
    this.prefix = prefix;
  }

  /** Buckets on the Redis at {@code uri}, under {@code prefix}, on a connection of their own. */
  public static RedisTokenBuckets open(RedisURI uri, String prefix) {
    RedisClient client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(RedisStore.COMMAND_TIMEOUT))
            .build());
    try {
      StatefulRedisConnection<String, byte[]> connection =
          client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      LettuceBasedProxyManager<String> buckets =
          Bucket4jLettuce.casBasedBuilder(connection)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
              .requestTimeout(RedisStore.COMMAND_TIMEOUT)
              .executionStrategy(new Unavailable(RedisStore.describe(uri)))
              .build();
      return new RedisTokenBuckets(client, connection, buckets, prefix);
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw new StoreUnavailableException(
          "cannot connect to the Redis store at " + RedisStore.describe(uri), e);
    }
  }

  /** The bucket named {@code key}; when Redis has none, a full one with {@code configuration}. */
  public Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.builder().build(prefix + "limit:" + key, () -> configuration);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
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
