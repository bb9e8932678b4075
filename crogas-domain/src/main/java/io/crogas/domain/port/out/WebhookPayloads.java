package io.crogas.domain.port.out;

import io.crogas.domain.model.WebhookDelivery;

/**
 * The JSON body of a delivery: {@code id}, {@code event}, {@code createdAt} and the subject's
 * document. The same delivery always renders the same body (its subject no longer changes).
 */
@FunctionalInterface
public interface WebhookPayloads {
  String body(WebhookDelivery delivery);
}
