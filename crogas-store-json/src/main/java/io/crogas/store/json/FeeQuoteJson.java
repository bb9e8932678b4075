package io.crogas.store.json;

import static io.crogas.store.json.JsonFields.address;
import static io.crogas.store.json.JsonFields.amount;
import static io.crogas.store.json.JsonFields.big;
import static io.crogas.store.json.JsonFields.hash;
import static io.crogas.store.json.JsonFields.instant;
import static io.crogas.store.json.JsonFields.node;
import static io.crogas.store.json.JsonFields.object;
import static io.crogas.store.json.JsonFields.text;
import static io.crogas.store.json.JsonFields.wei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.FeeQuote;
import java.math.BigDecimal;

/** A {@link FeeQuote} as the JSON document every store keeps for it (SQLite and Redis alike). */
public final class FeeQuoteJson {
  private FeeQuoteJson() {}

  public static String write(FeeQuote quote) {
    ObjectNode node = object();
    node.put("quoteId", quote.quoteId());
    node.set("forwarder", RelayJobJson.forwarder(quote.forwarder()));
    node.set("token", RelayJobJson.token(quote.token()));
    node.put("user", quote.user().value());
    node.set("metaTransaction", RelayJobJson.metaTransaction(quote.metaTransaction()));
    node.put("digest", quote.digest().hex());
    node.put("gasLimit", quote.gasLimit().toString());
    node.put("maxFeePerGas", quote.maxFeePerGas().value().toString());
    node.put("croCost", quote.croCost().value().toString());
    ObjectNode price = node.putObject("price");
    // BigDecimal's string form keeps its scale, which BigDecimal.equals compares.
    price.put("usdPerCro", quote.price().usdPerCro().toString());
    price.put("source", quote.price().source());
    price.put("observedAt", quote.price().observedAt().toString());
    node.set("baseGasCost", amount(quote.baseGasCost()));
    node.set("facilitatorFee", amount(quote.facilitatorFee()));
    node.put("expiresAt", quote.expiresAt().toString());
    return JsonFields.render(node);
  }

  public static FeeQuote read(String json, String rowId) {
    JsonNode node = JsonFields.parse(json, "quote row " + rowId);
    try {
      JsonNode price = node(node, "price");
      return new FeeQuote(
          text(node, "quoteId"),
          RelayJobJson.forwarder(node(node, "forwarder")),
          RelayJobJson.token(node(node, "token")),
          address(node, "user"),
          RelayJobJson.metaTransaction(node(node, "metaTransaction")),
          hash(node, "digest"),
          big(node, "gasLimit"),
          wei(node, "maxFeePerGas"),
          wei(node, "croCost"),
          new CroUsdPrice(
              new BigDecimal(text(price, "usdPerCro")),
              text(price, "source"),
              instant(price, "observedAt")),
          amount(node(node, "baseGasCost")),
          amount(node(node, "facilitatorFee")),
          instant(node, "expiresAt"));
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("quote row " + rowId + " cannot be read", e);
    }
  }
}
