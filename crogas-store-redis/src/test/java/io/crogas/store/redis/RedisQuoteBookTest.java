package io.crogas.store.redis;

import io.crogas.domain.port.out.QuoteBook;
import io.crogas.testfixtures.contracts.QuoteBookContract;
import java.time.InstantSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisQuoteBookTest extends QuoteBookContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Override
  protected QuoteBook newQuoteBook() {
    return new RedisQuoteBook(REDIS.freshStore(), InstantSource.system());
  }
}
