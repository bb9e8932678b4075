package io.crogas.testfixtures;

import io.crogas.domain.port.out.ApiKeys;
import io.crogas.testfixtures.contracts.ApiKeysContract;

class InMemoryApiKeysTest extends ApiKeysContract {
  @Override
  protected ApiKeys newApiKeys() {
    return new InMemoryApiKeys();
  }
}
