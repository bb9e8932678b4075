package io.crogas.http;

import io.crogas.domain.model.Address;
import io.crogas.domain.port.out.RateLimitStore;
import java.time.InstantSource;

/** Per-IP and per-address limits over the shared {@link RateLimitStore}; 429 when exceeded. */
final class RateLimiter {
  private final RateLimitStore store;
  private final ApiSettings.RateLimits limits;
  private final InstantSource clock;

  RateLimiter(RateLimitStore store, ApiSettings.RateLimits limits, InstantSource clock) {
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  void ip(String ip) {
    hit("ip:" + ip, "IP address", limits.perIp());
  }

  void address(Address address) {
    hit("address:" + address.value(), "address", limits.perAddress());
  }

  void faucet(Address recipient) {
    hit("faucet:" + recipient.value(), "faucet recipient", limits.faucetPerAddress());
  }

  private void hit(String bucket, String scope, ApiSettings.RateLimit limit) {
    if (store.hit(bucket, limit.limit(), limit.window(), clock.instant())
        instanceof RateLimitStore.Decision.Limited limited) {
      throw ApiException.rateLimited(scope, limited.retryAfter());
    }
  }
}
