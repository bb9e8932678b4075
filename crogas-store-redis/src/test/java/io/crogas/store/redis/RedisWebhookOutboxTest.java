package io.crogas.store.redis;

import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.testfixtures.contracts.WebhookOutboxContract;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisWebhookOutboxTest extends WebhookOutboxContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();
  private RedisStore store;

  @Override
  protected WebhookOutbox newOutbox() {
    store = REDIS.freshStore();
    return new RedisWebhookOutbox(store);
  }

  // Redis killed and started again from its append-only file, and a new connection.
  @Override
  protected WebhookOutbox reopen(WebhookOutbox current) {
    store = REDIS.restarted();
    return new RedisWebhookOutbox(store);
  }

  @Override
  protected Optional<Journal> journalOfTheSameStore() {
    return Optional.of(new RedisJournal(store));
  }
}
