package io.crogas.node.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.WebhookPayloads;
import io.crogas.http.TransactionDocuments;

/**
 * A delivery's body: {@code id}, {@code event}, {@code createdAt} (Unix seconds) and {@code data}:
 * for settlement and relay events the request's document as {@code GET /x402/transactions/{id}}
 * answers it, for a low balance the relayer, its balance and the low mark.
 */
public final class DeliveryBodies implements WebhookPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Journal journal;
  private final TransactionDocuments documents;

  public DeliveryBodies(Journal journal, TransactionDocuments documents) {
    this.journal = journal;
    this.documents = documents;
  }

  @Override
  public String body(WebhookDelivery delivery) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", delivery.id());
    body.put("event", delivery.event().wireName());
    body.put("createdAt", delivery.createdAt().getEpochSecond());
    try {
      if (delivery.event() == WebhookEvent.RELAYER_LOW_BALANCE) {
        body.set("data", JSON.readTree(delivery.data()));
      } else {
        journal
            .find(delivery.subject())
            .ifPresentOrElse(
                record -> body.set("data", documents.document(record)), () -> body.putNull("data"));
      }
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("delivery " + delivery.id() + " has no JSON data", e);
    }
  }
}
