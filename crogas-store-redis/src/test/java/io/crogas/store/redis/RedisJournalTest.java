package io.crogas.store.redis;

import io.crogas.domain.port.out.Journal;
import io.crogas.testfixtures.contracts.JournalContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJournalTest extends JournalContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Override
  protected Journal newJournal() {
    return new RedisJournal(REDIS.freshStore());
  }

  // Redis killed and started again from its append-only file, and a new connection.
  @Override
  protected Journal reopen(Journal current) {
    return new RedisJournal(REDIS.restarted());
  }
}
