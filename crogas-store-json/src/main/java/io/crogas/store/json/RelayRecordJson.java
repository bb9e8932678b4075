package io.crogas.store.json;

import static io.crogas.store.json.JsonFields.amount;
import static io.crogas.store.json.JsonFields.big;
import static io.crogas.store.json.JsonFields.flag;
import static io.crogas.store.json.JsonFields.hash;
import static io.crogas.store.json.JsonFields.instant;
import static io.crogas.store.json.JsonFields.node;
import static io.crogas.store.json.JsonFields.number;
import static io.crogas.store.json.JsonFields.object;
import static io.crogas.store.json.JsonFields.optional;
import static io.crogas.store.json.JsonFields.text;
import static io.crogas.store.json.JsonFields.wei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayEvent;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import java.util.ArrayList;
import java.util.List;

/** A {@link RelayRecord} as the JSON document every store keeps for it (SQLite and Redis alike). */
public final class RelayRecordJson {
  private RelayRecordJson() {}

  public static String write(RelayRecord record) {
    ObjectNode node = object();
    node.put("id", record.id());
    node.put("key", record.key().value());
    node.set("job", RelayJobJson.write(record.job()));
    node.set("charge", amount(record.charge()));
    node.put("state", record.state().name());
    ArrayNode hashes = node.putArray("txHashes");
    record.txHashes().forEach(hash -> hashes.add(hash.hex()));
    record.receipt().ifPresent(receipt -> node.set("receipt", receipt(receipt)));
    record.failure().ifPresent(failure -> node.put("failure", failure));
    ArrayNode history = node.putArray("history");
    record.history().forEach(event -> history.add(event(event)));
    node.put("version", record.version());
    return JsonFields.render(node);
  }

  /** The record in {@code json}; a row that does not decode is a failure of the store. */
  public static RelayRecord read(String json, String rowId) {
    JsonNode node = JsonFields.parse(json, "journal row " + rowId);
    try {
      List<Hash32> hashes = new ArrayList<>();
      node(node, "txHashes").forEach(hash -> hashes.add(new Hash32(hash.textValue())));
      List<RelayEvent> history = new ArrayList<>();
      node(node, "history").forEach(event -> history.add(event(event)));
      return new RelayRecord(
          text(node, "id"),
          new IdempotencyKey(text(node, "key")),
          RelayJobJson.read(node(node, "job")),
          amount(node(node, "charge")),
          RelayState.valueOf(text(node, "state")),
          hashes,
          optional(node, "receipt").map(RelayRecordJson::receipt),
          optional(node, "failure").map(JsonNode::textValue),
          history,
          number(node, "version"));
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("journal row " + rowId + " cannot be read", e);
    }
  }

  private static ObjectNode receipt(Receipt receipt) {
    ObjectNode node = object();
    node.put("txHash", receipt.txHash().hex());
    node.put("blockNumber", receipt.blockNumber());
    node.put("gasUsed", receipt.gasUsed().toString());
    node.put("effectiveGasPrice", receipt.effectiveGasPrice().value().toString());
    node.put("success", receipt.success());
    return node;
  }

  private static Receipt receipt(JsonNode node) {
    return new Receipt(
        hash(node, "txHash"),
        number(node, "blockNumber"),
        big(node, "gasUsed"),
        wei(node, "effectiveGasPrice"),
        flag(node, "success"));
  }

  private static ObjectNode event(RelayEvent event) {
    ObjectNode node = object();
    node.put("state", event.state().name());
    node.put("at", event.at().toString());
    node.put("detail", event.detail());
    event.txHash().ifPresent(hash -> node.put("txHash", hash.hex()));
    return node;
  }

  private static RelayEvent event(JsonNode node) {
    return new RelayEvent(
        RelayState.valueOf(text(node, "state")),
        instant(node, "at"),
        text(node, "detail"),
        optional(node, "txHash").map(hash -> new Hash32(hash.textValue())));
  }
}
