package io.crogas.store.json;

import static io.crogas.store.json.JsonFields.address;
import static io.crogas.store.json.JsonFields.big;
import static io.crogas.store.json.JsonFields.hash;
import static io.crogas.store.json.JsonFields.node;
import static io.crogas.store.json.JsonFields.number;
import static io.crogas.store.json.JsonFields.object;
import static io.crogas.store.json.JsonFields.optional;
import static io.crogas.store.json.JsonFields.smallNumber;
import static io.crogas.store.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import java.math.BigInteger;

/**
 * A {@link RelayJob} and the signed values inside it as JSON. Domain separators are stored and
 * re-checked on reading: the records refuse a separator that does not match their fields.
 */
final class RelayJobJson {
  private static final String FORWARDER_CALL = "forwarderCall";
  private static final String TOKEN_TRANSFER = "tokenTransfer";

  /**
   * The budget of a forwarder call journaled before jobs carried their quote: nothing may be sent
   * for it (it fails before sending, nobody charged); what was already sent is re-sent as recorded.
   */
  private static final GasBudget UNQUOTED = new GasBudget(BigInteger.ZERO, Wei.ZERO);

  private RelayJobJson() {}

  static ObjectNode write(RelayJob job) {
    ObjectNode node = object();
    if (job instanceof RelayJob.ForwarderCall call) {
      node.put("type", FORWARDER_CALL);
      node.set("forwarder", forwarder(call.forwarder()));
      node.set("request", request(call.request()));
      node.set("fee", signedAuthorization(call.fee()));
      node.put("queuePriority", call.queuePriority());
      node.set("budget", budget(call.budget()));
    } else {
      RelayJob.TokenTransfer transfer = (RelayJob.TokenTransfer) job;
      node.put("type", TOKEN_TRANSFER);
      node.set("token", token(transfer.token()));
      node.set("transfer", signedAuthorization(transfer.transfer()));
    }
    return node;
  }

  static RelayJob read(JsonNode node) {
    String type = text(node, "type");
    return switch (type) {
      case FORWARDER_CALL ->
          new RelayJob.ForwarderCall(
              forwarder(node(node, "forwarder")),
              request(node(node, "request")),
              signedAuthorization(node(node, "fee")),
              smallNumber(node, "queuePriority"),
              node.has("budget") ? budget(node(node, "budget")) : UNQUOTED);
      case TOKEN_TRANSFER ->
          new RelayJob.TokenTransfer(
              token(node(node, "token")), signedAuthorization(node(node, "transfer")));
      default -> throw new IllegalArgumentException("unknown job type " + type);
    };
  }

  static ObjectNode budget(GasBudget budget) {
    ObjectNode node = object();
    node.put("gasLimit", budget.gasLimit().toString());
    node.put("maxFeePerGas", budget.maxFeePerGas().value().toString());
    return node;
  }

  static GasBudget budget(JsonNode node) {
    return new GasBudget(big(node, "gasLimit"), new Wei(big(node, "maxFeePerGas")));
  }

  static ObjectNode forwarder(ForwarderDomain domain) {
    ObjectNode node = object();
    node.put("chainId", domain.chainId().value());
    node.put("forwarder", domain.forwarder().value());
    node.put("separator", domain.separator().hex());
    return node;
  }

  static ForwarderDomain forwarder(JsonNode node) {
    return new ForwarderDomain(
        new ChainId(number(node, "chainId")), address(node, "forwarder"), hash(node, "separator"));
  }

  static ObjectNode token(TokenDomain domain) {
    ObjectNode node = object();
    node.put("name", domain.name());
    node.put("version", domain.version());
    node.put("chainId", domain.chainId().value());
    node.put("token", domain.token().value());
    node.put("decimals", domain.decimals());
    node.put("separator", domain.separator().hex());
    return node;
  }

  static TokenDomain token(JsonNode node) {
    return new TokenDomain(
        text(node, "name"),
        text(node, "version"),
        new ChainId(number(node, "chainId")),
        address(node, "token"),
        smallNumber(node, "decimals"),
        hash(node, "separator"));
  }

  static ObjectNode metaTransaction(MetaTransaction call) {
    ObjectNode node = object();
    node.put("target", call.target().value());
    node.put("calldata", call.calldata().hex());
    node.put("gasLevel", call.gasLevel());
    node.put("nonce", call.nonce().toString());
    node.put("deadline", call.deadline().toString());
    return node;
  }

  static MetaTransaction metaTransaction(JsonNode node) {
    return new MetaTransaction(
        address(node, "target"),
        new Calldata(text(node, "calldata")),
        text(node, "gasLevel"),
        big(node, "nonce"),
        big(node, "deadline"));
  }

  private static ObjectNode request(RelayRequest request) {
    ObjectNode node = object();
    node.put("user", request.user().value());
    node.set("metaTransaction", metaTransaction(request.metaTransaction()));
    node.put("signature", request.signature().hex());
    request.payment().ifPresent(payment -> node.set("payment", signedAuthorization(payment)));
    return node;
  }

  private static RelayRequest request(JsonNode node) {
    return new RelayRequest(
        address(node, "user"),
        metaTransaction(node(node, "metaTransaction")),
        new Signature(text(node, "signature")),
        optional(node, "payment").map(RelayJobJson::signedAuthorization));
  }

  private static ObjectNode signedAuthorization(SignedAuthorization signed) {
    TransferAuthorization authorization = signed.authorization();
    ObjectNode node = object();
    node.put("from", authorization.from().value());
    node.put("to", authorization.to().value());
    node.put("value", authorization.value().toString());
    node.put("validAfter", authorization.validAfter().toString());
    node.put("validBefore", authorization.validBefore().toString());
    node.put("nonce", authorization.nonce().hex());
    node.put("signature", signed.signature().hex());
    return node;
  }

  private static SignedAuthorization signedAuthorization(JsonNode node) {
    TransferAuthorization authorization =
        new TransferAuthorization(
            address(node, "from"),
            address(node, "to"),
            big(node, "value"),
            big(node, "validAfter"),
            big(node, "validBefore"),
            hash(node, "nonce"));
    return new SignedAuthorization(authorization, new Signature(text(node, "signature")));
  }
}
