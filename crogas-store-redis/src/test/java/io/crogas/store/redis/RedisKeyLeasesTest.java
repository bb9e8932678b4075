package io.crogas.store.redis;

import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.KeyLeasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisKeyLeasesTest extends KeyLeasesContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Override
  protected KeyLeases newKeyLeases() {
    return new RedisKeyLeases(REDIS.freshStore());
  }

  @Override
  protected NonceLedger ledgerOf(KeyLeases leases) {
    return new RedisNonceLedger(REDIS.current());
  }

  // Redis killed and started again from its append-only file: tokens must keep growing.
  @Override
  protected KeyLeases reopen(KeyLeases current) {
    return new RedisKeyLeases(REDIS.restarted());
  }
}
