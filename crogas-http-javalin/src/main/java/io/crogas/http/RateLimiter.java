package io.crogas.http;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ApiKey;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits of {@link ApiSettings.RateLimits} as token buckets in {@link LimitBuckets}; 429 with
 * the wait when exceeded. Nothing here touches a disk.
 */
final class RateLimiter {
  private final LimitBuckets buckets;
  private final ApiSettings.RateLimits limits;
  private final Map<ApiSettings.RateLimit, BucketConfiguration> configurations =
      new ConcurrentHashMap<>();

  RateLimiter(LimitBuckets buckets, ApiSettings.RateLimits limits) {
    this.buckets = buckets;
    this.limits = limits;
  }

  /** A request without an API key, from {@code client} (IPv6 counts by its /64). */
  void ip(String client) {
    take("ip:" + TrustedProxies.limitKey(client), "IP address", limits.perIp());
  }

  /** A request with {@code key}: its own limit, or the default for keys. */
  void key(ApiKey key) {
    ApiSettings.RateLimit limit =
        key.limits().requestsPerMinute().isPresent()
            ? ApiSettings.RateLimit.perMinute(key.limits().requestsPerMinute().getAsInt())
            : limits.perApiKey();
    take("key:" + key.id(), "API key", limit);
  }

  /**
   * Refuses work for {@code address} while it is over its budget, counting nothing: only {@link
   * #spent} fills the budget, after the address's signature was checked, so requests that merely
   * name an address can never lock its owner out.
   */
  void address(Address address) {
    EstimationProbe probe = addressBucket(address).estimateAbilityToConsume(1);
    if (!probe.canBeConsumed()) {
      throw ApiException.rateLimited("address", Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /** Counts new work the owner of {@code address} signed for (may take the budget below zero). */
  void spent(Address address) {
    addressBucket(address).consumeIgnoringRateLimits(1);
  }

  void faucet(Address recipient) {
    take("faucet:" + recipient.value(), "faucet recipient", limits.faucetPerAddress());
  }

  private Bucket addressBucket(Address address) {
    return buckets.bucket("address:" + address.value(), configuration(limits.perAddress()));
  }

  private void take(String key, String scope, ApiSettings.RateLimit limit) {
    ConsumptionProbe probe =
        buckets.bucket(key, configuration(limit)).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw ApiException.rateLimited(scope, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  private BucketConfiguration configuration(ApiSettings.RateLimit limit) {
    return configurations.computeIfAbsent(
        limit,
        l ->
            BucketConfiguration.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(l.limit())
                        .refillGreedy(l.limit(), l.window())
                        .build())
                .build());
  }
}
