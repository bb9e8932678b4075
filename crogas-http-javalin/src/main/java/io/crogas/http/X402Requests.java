package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.VerifyPayment.PaymentCommand;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads verify/settle bodies in any of the {@link X402Format}s. Unknown members ({@code resource},
 * {@code description}, {@code extensions}, ...) are ignored, as x402 adds fields over time; the
 * members the core needs are all validated.
 */
final class X402Requests {
  private X402Requests() {}

  /** A payment to verify or settle, and the format to answer in. */
  record X402Request(X402Format format, PaymentCommand command, String network) {}

  static X402Request parse(JsonNode body) {
    if (body.has("paymentHeader")) {
      return cronos(body);
    }
    Fields root = Fields.of(body);
    Fields payload = root.object("paymentPayload");
    Integer version = payload.required("x402Version", value -> (int) Values.bounded(value, 1, 2));
    root.check();
    X402Format format = version == 2 ? X402Format.V2 : X402Format.V1;
    Fields terms =
        format == X402Format.V2 ? payload.optionalObject("accepted").orElse(payload) : payload;
    String scheme = terms.required("scheme", Values::label);
    String network = terms.required("network", Values::label);
    Fields inner = payload.object("payload");
    TransferAuthorization authorization =
        RelayRequests.authorization(inner.object("authorization"));
    Signature signature = inner.required("signature", Values::signature);
    PaymentRequirements requirements =
        requirements(
            root.object("paymentRequirements"),
            format == X402Format.V2 ? "amount" : "maxAmountRequired");
    return build(root, format, version, scheme, network, authorization, signature, requirements);
  }

  /** {@code {x402Version?, paymentHeader: base64(JSON), paymentRequirements}}. */
  private static X402Request cronos(JsonNode body) {
    Fields root = Fields.of(body);
    String encoded = root.required("paymentHeader", Values::text);
    root.check();
    Fields header = Fields.of(Json.parseObject(decode(encoded), "paymentHeader"));
    header.optional("x402Version", value -> Values.bounded(value, 1, 1));
    String scheme = header.required("scheme", Values::label);
    String network = header.required("network", Values::label);
    Fields flat = header.object("payload");
    TransferAuthorization authorization = RelayRequests.authorization(flat);
    Signature signature = flat.required("signature", Values::signature);
    flat.optional("asset", Values::address);
    header.check();
    Fields terms = root.object("paymentRequirements");
    PaymentRequirements requirements =
        requirements(terms, terms.has("maxAmountRequired") ? "maxAmountRequired" : "amount");
    return build(
        root, X402Format.CRONOS, 1, scheme, network, authorization, signature, requirements);
  }

  private static X402Request build(
      Fields root,
      X402Format format,
      int version,
      String scheme,
      String network,
      TransferAuthorization authorization,
      Signature signature,
      PaymentRequirements requirements) {
    PaymentCommand command =
        root.build(
            "paymentPayload",
            () ->
                new PaymentCommand(
                    new PaymentPayload(
                        version,
                        scheme,
                        network,
                        new SignedAuthorization(authorization, signature)),
                    requirements));
    root.check();
    return new X402Request(format, command, requirements.network());
  }

  private static PaymentRequirements requirements(Fields terms, String amountField) {
    String scheme = terms.required("scheme", Values::label);
    String network = terms.required("network", Values::label);
    BigInteger amount = terms.required(amountField, Values::uint256);
    Address asset = terms.required("asset", Values::address);
    Address payTo = terms.required("payTo", Values::address);
    long timeout =
        terms
            .optional("maxTimeoutSeconds", value -> Values.bounded(value, 0, 31_536_000))
            .orElse(0L);
    Optional<Fields> extra = terms.optionalObject("extra");
    Optional<String> name = extra.flatMap(e -> e.optional("name", Values::label));
    Optional<String> version = extra.flatMap(e -> e.optional("version", Values::label));
    return terms.build(
        "",
        () ->
            new PaymentRequirements(scheme, network, amount, asset, payTo, timeout, name, version));
  }

  /** Standard base64 as the Cronos SDK writes it; URL-safe accepted too. */
  private static String decode(String encoded) {
    String text = encoded.strip();
    for (Base64.Decoder decoder :
        new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
      try {
        return new String(decoder.decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notThisAlphabet) {
        // try the next alphabet
      }
    }
    throw ApiException.invalid("paymentHeader", "is not base64");
  }
}
