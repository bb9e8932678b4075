package io.crogas.store.json;

import static io.crogas.store.json.JsonFields.address;
import static io.crogas.store.json.JsonFields.big;
import static io.crogas.store.json.JsonFields.hash;
import static io.crogas.store.json.JsonFields.instant;
import static io.crogas.store.json.JsonFields.number;
import static io.crogas.store.json.JsonFields.object;
import static io.crogas.store.json.JsonFields.text;
import static io.crogas.store.json.JsonFields.wei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.SignedTransaction;

/**
 * A {@link SignedTransaction} as a JSON document, for a store that keeps each one as a value (the
 * Redis nonce ledger; SQLite has a column per field).
 */
public final class SignedTransactionJson {
  private SignedTransactionJson() {}

  public static String write(SignedTransaction transaction) {
    ObjectNode node = object();
    node.put("relayer", transaction.relayer().value());
    node.put("nonce", transaction.nonce());
    node.put("hash", transaction.hash().hex());
    node.put("raw", transaction.raw());
    node.put("maxFeePerGas", transaction.maxFeePerGas().value().toString());
    node.put("tip", transaction.tip().value().toString());
    node.put("gasLimit", transaction.gasLimit().toString());
    node.put("signedAt", transaction.signedAt().toString());
    return JsonFields.render(node);
  }

  public static SignedTransaction read(String json, String what) {
    JsonNode node = JsonFields.parse(json, what);
    try {
      return new SignedTransaction(
          address(node, "relayer"),
          number(node, "nonce"),
          hash(node, "hash"),
          text(node, "raw"),
          wei(node, "maxFeePerGas"),
          wei(node, "tip"),
          big(node, "gasLimit"),
          instant(node, "signedAt"));
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(what + " cannot be read", e);
    }
  }
}
