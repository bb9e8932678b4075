package io.crogas.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Percent;
import io.crogas.domain.model.RelayEvent;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.policy.DisclosurePolicy;
import io.crogas.eip712.TypedData;
import io.crogas.eip712.TypedDataJson;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shapes of quotes and relay records. Amounts are decimal strings, {@code ...Atomic} and
 * 256-bit integers decimal strings, addresses EIP-55, times Unix seconds (JSON numbers).
 */
final class RelayJson {
  private final ApiSettings settings;

  RelayJson(ApiSettings settings) {
    this.settings = settings;
  }

  ObjectNode quote(FeeQuote quote) {
    ObjectNode json = Json.object();
    json.put("quoteId", quote.quoteId());
    json.put("chainId", quote.forwarder().chainId().value());
    json.put("forwarder", quote.forwarder().forwarder().value());
    json.put("userAddress", quote.user().value());
    json.put("target", quote.metaTransaction().target().value());
    json.put("calldata", quote.metaTransaction().calldata().hex());
    json.put("gasLevel", quote.metaTransaction().gasLevel());
    json.put("nonce", quote.metaTransaction().nonce().toString());
    json.put("deadline", quote.metaTransaction().deadline());
    json.put("digest", quote.digest().hex());
    json.put("gasLimit", quote.gasLimit().toString());
    json.put("maxFeePerGas", quote.maxFeePerGas().value().toString());
    json.put("croCost", quote.croCost().value().toString());
    json.put("croUsd", quote.price().usdPerCro().toPlainString());
    json.put("priceSource", quote.price().source());
    putAmount(json, quote.amount());
    json.put("currency", "USDC");
    ObjectNode breakdown = json.putObject("breakdown");
    breakdown.put("baseGasCost", quote.baseGasCost().toDecimalString());
    breakdown.put("facilitatorFee", quote.facilitatorFee().toDecimalString());
    breakdown.put("baseGasCostAtomic", quote.baseGasCost().atomic().toString());
    breakdown.put("facilitatorFeeAtomic", quote.facilitatorFee().atomic().toString());
    json.put("expiresAt", quote.expiresAt().getEpochSecond());
    ObjectNode typedData = json.putObject("typedData");
    typedData.set(
        "metaTransaction", typedData(quote.metaTransaction().typedData(quote.forwarder())));
    typedData.set(
        "payment", typedData(quote.paymentAuthorization().receiveTypedData(quote.token())));
    return json;
  }

  /** The seed's step-7 answer for a request, plus its {@code id} and {@code status}. */
  ObjectNode execution(RelayRecord record) {
    ObjectNode json = Json.object();
    json.put("id", record.id());
    json.put("success", record.state() == io.crogas.domain.model.RelayState.CONFIRMED);
    json.put("status", state(record));
    ObjectNode transaction = json.putObject("transaction");
    putTx(transaction, "txHash", record.latestTxHash());
    putExplorer(transaction, record.latestTxHash());
    transaction.put("status", state(record));
    putBlock(transaction, record);
    ObjectNode execution = json.putObject("execution");
    if (record.job() instanceof RelayJob.ForwarderCall call) {
      execution.put("target", call.request().metaTransaction().target().value());
    }
    record
        .receipt()
        .ifPresentOrElse(
            receipt -> {
              execution.put("gasUsed", receipt.gasUsed());
              execution.put("gasPrice", receipt.effectiveGasPrice().value().toString());
            },
            () -> {
              execution.putNull("gasUsed");
              execution.putNull("gasPrice");
            });
    json.set("payment", payment(record.charge()));
    record.failure().ifPresent(reason -> json.put("error", DisclosurePolicy.publicText(reason)));
    return json;
  }

  /** 202 for {@code Prefer: respond-async} or a wait that ran out: where to follow the request. */
  ObjectNode accepted(RelayRecord record) {
    ObjectNode json = Json.object();
    json.put("id", record.id());
    json.put("status", state(record));
    putTx(json, "txHash", record.latestTxHash());
    json.put("statusUrl", "/x402/transactions/" + record.id());
    return json;
  }

  /** One request's state and history ({@code GET /x402/transactions/{id}}). */
  ObjectNode record(RelayRecord record) {
    ObjectNode json = Json.object();
    json.put("id", record.id());
    json.put("status", state(record));
    json.put("payer", record.job().payer().value());
    json.put("createdAt", record.history().get(0).at().getEpochSecond());
    describeJob(json, record.job());
    json.set("payment", payment(record.charge()));
    putTx(json, "txHash", record.latestTxHash());
    putExplorer(json, record.latestTxHash());
    ArrayNode hashes = json.putArray("txHashes");
    record.txHashes().forEach(hash -> hashes.add(hash.hex()));
    record
        .receipt()
        .ifPresent(
            receipt ->
                json.putObject("receipt")
                    .put("blockNumber", receipt.blockNumber())
                    .put("gasUsed", receipt.gasUsed())
                    .put("gasPrice", receipt.effectiveGasPrice().value().toString())
                    .put("success", receipt.success()));
    record.failure().ifPresent(reason -> json.put("error", DisclosurePolicy.publicText(reason)));
    ArrayNode history = json.putArray("history");
    record.history().forEach(event -> history.add(event(event)));
    return json;
  }

  static String state(RelayRecord record) {
    return record.state().name().toLowerCase(Locale.ROOT);
  }

  private void describeJob(ObjectNode json, RelayJob job) {
    if (job instanceof RelayJob.ForwarderCall call) {
      json.put("kind", "meta-transaction");
      json.put("target", call.request().metaTransaction().target().value());
      json.put("gasLevel", call.request().metaTransaction().gasLevel());
      json.put("nonce", call.request().metaTransaction().nonce().toString());
    } else if (job instanceof RelayJob.TokenTransfer transfer) {
      json.put("kind", "x402-settlement");
      json.put("asset", transfer.token().token().value());
      json.put("payTo", transfer.transfer().authorization().to().value());
    }
  }

  /**
   * The journal keeps the total charge; the split is derived at the configured fee rate ({@code fee
   * = charge - floor(charge / (100% + fee rate))}), which reproduces a quote's split to within one
   * unit of the token. The base rounds down so that the fee, which the quote rounded up, keeps the
   * remainder.
   */
  private ObjectNode payment(TokenAmount charge) {
    BigInteger base =
        Percent.basisPoints(settings.facilitatorFeeBps())
            .asMargin()
            .inverseOf(charge.atomic(), RoundingMode.FLOOR);
    TokenAmount baseGasCost = new TokenAmount(base, charge.decimals());
    TokenAmount fee = new TokenAmount(charge.atomic().subtract(base), charge.decimals());
    ObjectNode json = Json.object();
    putAmount(json, charge);
    json.put("currency", "USDC");
    json.putObject("breakdown")
        .put("baseGasCost", baseGasCost.toDecimalString())
        .put("facilitatorFee", fee.toDecimalString());
    return json;
  }

  private static ObjectNode event(RelayEvent event) {
    ObjectNode json = Json.object();
    json.put("status", event.state().name().toLowerCase(Locale.ROOT));
    json.put("at", event.at().getEpochSecond());
    json.put("detail", DisclosurePolicy.publicText(event.detail()));
    putTx(json, "txHash", event.txHash());
    return json;
  }

  private static void putAmount(ObjectNode json, TokenAmount amount) {
    json.put("amount", amount.toDecimalString());
    json.put("amountAtomic", amount.atomic().toString());
  }

  private static void putTx(ObjectNode json, String field, Optional<Hash32> hash) {
    hash.ifPresentOrElse(h -> json.put(field, h.hex()), () -> json.putNull(field));
  }

  private void putExplorer(ObjectNode json, Optional<Hash32> hash) {
    hash.flatMap(h -> settings.explorerTxUrl().map(prefix -> prefix + h.hex()))
        .ifPresentOrElse(url -> json.put("explorerUrl", url), () -> json.putNull("explorerUrl"));
  }

  private static void putBlock(ObjectNode json, RelayRecord record) {
    record
        .receipt()
        .ifPresentOrElse(
            receipt -> json.put("blockNumber", receipt.blockNumber()),
            () -> json.putNull("blockNumber"));
  }

  /** A complete {@code eth_signTypedData_v4} document, written by the EIP-712 library. */
  private static JsonNode typedData(TypedData document) {
    try {
      return Json.MAPPER.readTree(TypedDataJson.write(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the EIP-712 library wrote invalid JSON", e);
    }
  }
}
