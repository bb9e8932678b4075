package io.crogas.domain.fakes;

import io.crogas.domain.port.out.ApiKeys;
import io.crogas.domain.port.out.ApiKeysContract;

class InMemoryApiKeysTest extends ApiKeysContract {
  @Override
  protected ApiKeys newApiKeys() {
    return new InMemoryApiKeys();
  }
}
