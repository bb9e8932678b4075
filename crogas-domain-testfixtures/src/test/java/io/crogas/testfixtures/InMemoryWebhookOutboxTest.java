package io.crogas.testfixtures;

import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.testfixtures.contracts.WebhookOutboxContract;

class InMemoryWebhookOutboxTest extends WebhookOutboxContract {
  @Override
  protected WebhookOutbox newOutbox() {
    return new InMemoryWebhookOutbox();
  }
}
