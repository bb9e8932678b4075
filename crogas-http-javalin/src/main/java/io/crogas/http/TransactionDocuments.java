package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.RelayRecord;

/**
 * A request's document exactly as {@code GET /x402/transactions/{id}} answers it, for other
 * adapters that send it elsewhere (webhook deliveries).
 */
public final class TransactionDocuments {
  private final RelayJson json;

  public TransactionDocuments(ApiSettings settings) {
    this.json = new RelayJson(settings);
  }

  /** The document of {@code record}, as a JSON object node the caller may embed. */
  public ObjectNode document(RelayRecord record) {
    return json.record(record);
  }
}
