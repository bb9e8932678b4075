package io.crogas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.cli.CliFailure;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.Hash32;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.eip712.TypedDataJson;
import java.math.BigInteger;
import java.util.List;

/**
 * Signs the two documents of a quote (the {@code MetaTransaction} and the fee's {@code
 * ReceiveWithAuthorization}) and builds the {@code POST /x402/facilitate} body from what was
 * signed. Before signing it checks that the documents say what was asked: the target, calldata and
 * tier, the signer as payer, the quoted amount, the forwarder as recipient and the
 * meta-transaction's digest as the authorization's nonce. A server cannot get a signature for
 * anything else.
 */
public final class QuoteSigner {
  private QuoteSigner() {}

  /** The call the user asked a quote for. */
  public record Asked(Address target, Calldata calldata, String gasLevel) {}

  public static ObjectNode facilitateBody(JsonNode quote, Asked asked, UnlockedKey key) {
    JsonNode metaDocument = document(quote, "metaTransaction");
    JsonNode paymentDocument = document(quote, "payment");
    JsonNode meta = metaDocument.path("message");
    JsonNode fee = paymentDocument.path("message");
    Hash32 metaDigest = digest(metaDocument, "MetaTransaction");
    Hash32 feeDigest = digest(paymentDocument, "ReceiveWithAuthorization");
    Address forwarder = address(metaDocument.path("domain"), "verifyingContract", "domain");

    require(
        address(meta, "target", "message").equals(asked.target()), "target is not the one asked");
    require(
        new Calldata(text(meta, "calldata", "message")).equals(asked.calldata()),
        "calldata is not the one asked");
    require(
        text(meta, "gasLevel", "message").equals(asked.gasLevel()),
        "gasLevel is not the one asked");
    require(address(fee, "from", "payment").equals(key.address()), "payer is not the signer");
    require(address(fee, "to", "payment").equals(forwarder), "fee is not paid to the forwarder");
    require(
        new Hash32(text(fee, "nonce", "payment")).equals(metaDigest),
        "fee authorization's nonce is not the meta-transaction's digest");
    if (quote.hasNonNull("amountAtomic")) {
      require(
          number(fee, "value").equals(new BigInteger(quote.get("amountAtomic").asText())),
          "fee value is not the quoted amountAtomic");
    }
    return body(
        meta,
        fee,
        key.address(),
        key.sign(metaDigest.bytes()).hex(),
        key.sign(feeDigest.bytes()).hex());
  }

  private static ObjectNode body(
      JsonNode meta, JsonNode fee, Address user, String metaSignature, String feeSignature) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    for (String field : List.of("target", "calldata", "gasLevel")) {
      body.put(field, meta.get(field).asText());
    }
    body.put("userAddress", user.value());
    body.put("signature", metaSignature);
    body.put("deadline", meta.get("deadline").asText());
    body.put("nonce", meta.get("nonce").asText());
    ObjectNode payment = body.putObject("payment");
    ObjectNode authorization = payment.putObject("authorization");
    for (String field : List.of("from", "to", "value", "validAfter", "validBefore", "nonce")) {
      authorization.put(field, text(fee, field, "payment"));
    }
    payment.put("signature", feeSignature);
    return body;
  }

  private static JsonNode document(JsonNode quote, String name) {
    JsonNode document = quote.path("typedData").path(name);
    if (!document.isObject()) {
      throw new CliFailure("the quote has no typedData." + name + " document");
    }
    return document;
  }

  private static Hash32 digest(JsonNode document, String primaryType) {
    require(
        primaryType.equals(document.path("primaryType").asText()),
        "a " + primaryType + " document was expected");
    try {
      return Hash32.of(TypedDataEncoder.digest(TypedDataJson.parse(document.toString())));
    } catch (IllegalArgumentException e) {
      throw new CliFailure(
          "the quote's " + primaryType + " document is malformed: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw new CliFailure("the quote's " + where + " has no " + field);
    }
    return value.asText();
  }

  private static Address address(JsonNode node, String field, String where) {
    return Address.parse(text(node, field, where));
  }

  private static BigInteger number(JsonNode node, String field) {
    String text = text(node, field, "payment");
    return text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
  }

  private static void require(boolean holds, String problem) {
    if (!holds) {
      throw new CliFailure("refusing to sign the quote: " + problem);
    }
  }
}
