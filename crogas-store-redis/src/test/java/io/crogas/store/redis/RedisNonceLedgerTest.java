package io.crogas.store.redis;

import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.NonceLedgerContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisNonceLedgerTest extends NonceLedgerContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Override
  protected NonceLedger newNonceLedger() {
    return new RedisNonceLedger(REDIS.freshStore());
  }

  @Override
  protected KeyLeases leasesOf(NonceLedger ledger) {
    return new RedisKeyLeases(REDIS.current());
  }

  // Redis killed and started again from its append-only file, and a new connection.
  @Override
  protected NonceLedger reopen(NonceLedger current) {
    return new RedisNonceLedger(REDIS.restarted());
  }
}
