package io.crogas.store.redis;

import io.crogas.domain.port.out.ApiKeys;
import io.crogas.testfixtures.contracts.ApiKeysContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisApiKeysTest extends ApiKeysContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Override
  protected ApiKeys newApiKeys() {
    return new RedisApiKeys(REDIS.freshStore());
  }

  // Redis killed and started again from its append-only file, and a new connection.
  @Override
  protected ApiKeys reopen(ApiKeys current) {
    return new RedisApiKeys(REDIS.restarted());
  }
}
