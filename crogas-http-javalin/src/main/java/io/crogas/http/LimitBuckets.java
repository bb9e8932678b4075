package io.crogas.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the rate limiter's token buckets live. {@link HttpApi} keeps them in this process ({@link
 * LocalLimitBuckets}) unless given others: instances that must share their limits pass Bucket4j
 * proxies from a distributed backend ({@code crogas-node} passes {@code RedisTokenBuckets::bucket}
 * of {@code crogas-store-redis} when the store is Redis). A bucket whose backend fails throws
 * {@code StoreUnavailableException}, answered 503.
 */
@FunctionalInterface
public interface LimitBuckets {
  /**
   * The bucket named {@code key}; when there is none yet, a full one with {@code configuration}.
   * Called on every limited request: it must not block on a disk.
   */
  Bucket bucket(String key, BucketConfiguration configuration);
}
