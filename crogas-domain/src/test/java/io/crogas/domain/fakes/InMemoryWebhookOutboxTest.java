package io.crogas.domain.fakes;

import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.domain.port.out.WebhookOutboxContract;

class InMemoryWebhookOutboxTest extends WebhookOutboxContract {
  @Override
  protected WebhookOutbox newOutbox() {
    return new InMemoryWebhookOutbox();
  }
}
