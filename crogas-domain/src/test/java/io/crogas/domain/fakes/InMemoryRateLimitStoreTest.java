package io.crogas.domain.fakes;

import io.crogas.domain.port.out.RateLimitStore;
import io.crogas.domain.port.out.RateLimitStoreContract;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
  @Override
  protected RateLimitStore newRateLimitStore() {
    return new InMemoryRateLimitStore();
  }
}
