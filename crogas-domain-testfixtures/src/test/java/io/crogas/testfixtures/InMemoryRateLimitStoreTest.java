package io.crogas.testfixtures;

import io.crogas.domain.port.out.RateLimitStore;
import io.crogas.testfixtures.contracts.RateLimitStoreContract;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
  @Override
  protected RateLimitStore newRateLimitStore() {
    return new InMemoryRateLimitStore();
  }
}
