package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.VerifyPaymentCommand;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads verify/settle bodies in any of the {@link X402Format}s. Unknown members ({@code resource},
 * {@code description}, {@code extensions}, ...) are ignored, as x402 adds fields over time; the
 * members the core needs are all validated. Only a request without its payment or requirements is
 * refused (400); a readable request whose payment is broken is a {@link BrokenPayment}, which the
 * facilitator answers in-band ({@code invalid_payload}), as x402 clients expect an answer.
 */
final class X402Requests {
  private X402Requests() {}

  /** A verify/settle request: a payment to check, or one too broken to check. */
  sealed interface X402Request permits Payment, BrokenPayment {
    /** The format to answer in. */
    X402Format format();

    /** The requirements' network as sent, for the answer ({@code ""} if unreadable). */
    String network();
  }

  /** A payment to verify or settle, and the requirements it answers. */
  record Payment(
      X402Format format, PaymentPayload payload, PaymentRequirements requirements, String network)
      implements X402Request {
    VerifyPaymentCommand verification() {
      return new VerifyPaymentCommand(payload, requirements);
    }

    SettlePaymentCommand settlement() {
      return new SettlePaymentCommand(payload, requirements);
    }
  }

  /**
   * A readable request whose payment or requirements are malformed: every problem by its dotted
   * path, and the payer where {@code from} could be read.
   */
  record BrokenPayment(
      X402Format format, String network, Optional<Address> payer, Map<String, String> problems)
      implements X402Request {
    String message() {
      return "invalid payload: "
          + problems.entrySet().stream()
              .map(problem -> problem.getKey() + " " + problem.getValue())
              .collect(Collectors.joining("; "));
    }
  }

  static X402Request parse(JsonNode body) {
    if (present(body, "paymentHeader")) {
      return cronos(body);
    }
    requirePresent(body, "paymentPayload", "paymentRequirements");
    Fields root = Fields.of(body);
    X402Format format = version(body) == 1 ? X402Format.V1 : X402Format.V2;
    Fields payload = root.object("paymentPayload");
    Integer version = payload.required("x402Version", value -> (int) Values.bounded(value, 1, 2));
    Fields terms =
        format == X402Format.V2 ? payload.optionalObject("accepted").orElse(payload) : payload;
    String scheme = terms.required("scheme", Values::label);
    String network = terms.required("network", Values::label);
    Fields inner = payload.object("payload");
    Fields signed = inner.object("authorization");
    TransferAuthorization authorization = RelayRequests.authorization(signed);
    Signature signature = inner.required("signature", Values::signature);
    PaymentRequirements requirements =
        requirements(
            root.object("paymentRequirements"),
            format == X402Format.V2 ? "amount" : "maxAmountRequired");
    return build(
        root,
        format,
        version == null ? 0 : version,
        scheme,
        network,
        authorization,
        signature,
        requirements,
        signed);
  }

  /** {@code {x402Version?, paymentHeader: base64(JSON), paymentRequirements}}. */
  private static X402Request cronos(JsonNode body) {
    requirePresent(body, "paymentHeader", "paymentRequirements");
    Fields root = Fields.of(body);
    String encoded = root.required("paymentHeader", Values::text);
    Optional<JsonNode> decoded =
        Optional.ofNullable(encoded).flatMap(X402Requests::decode).flatMap(Json::readObject);
    if (encoded != null && decoded.isEmpty()) {
      root.problem("paymentHeader", "is not a base64-encoded JSON object");
    }
    Fields header = root.inside("paymentHeader", decoded.orElse(Json.object()));
    String scheme = null;
    String network = null;
    TransferAuthorization authorization = null;
    Signature signature = null;
    Fields flat = decoded.isPresent() ? header.object("payload") : header;
    if (decoded.isPresent()) {
      header.optional("x402Version", value -> Values.bounded(value, 1, 1));
      scheme = header.required("scheme", Values::label);
      network = header.required("network", Values::label);
      authorization = RelayRequests.authorization(flat);
      signature = flat.required("signature", Values::signature);
      flat.optional("asset", Values::address);
    }
    Fields terms = root.object("paymentRequirements");
    PaymentRequirements requirements =
        requirements(terms, terms.has("maxAmountRequired") ? "maxAmountRequired" : "amount");
    return build(
        root, X402Format.CRONOS, 1, scheme, network, authorization, signature, requirements, flat);
  }

  private static X402Request build(
      Fields root,
      X402Format format,
      int version,
      String scheme,
      String network,
      TransferAuthorization authorization,
      Signature signature,
      PaymentRequirements requirements,
      Fields signed) {
    PaymentPayload payload =
        root.build(
            "paymentPayload",
            () ->
                new PaymentPayload(
                    version, scheme, network, new SignedAuthorization(authorization, signature)));
    if (payload == null) {
      return new BrokenPayment(
          format,
          requirementsNetwork(root, requirements),
          signed.optional("from", Values::address),
          root.problems());
    }
    return new Payment(format, payload, requirements, requirements.network());
  }

  private static String requirementsNetwork(Fields root, PaymentRequirements requirements) {
    if (requirements != null) {
      return requirements.network();
    }
    return root.object("paymentRequirements").optional("network", Values::label).orElse("");
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

  /** The x402 version the request speaks: its payload's, else the body's; 2 when neither says. */
  private static int version(JsonNode body) {
    JsonNode declared = body.path("paymentPayload").path("x402Version");
    if (declared.isMissingNode() || declared.isNull()) {
      declared = body.path("x402Version");
    }
    return declared.isIntegralNumber() && declared.asInt() == 1 ? 1 : 2;
  }

  private static boolean present(JsonNode body, String member) {
    return body.hasNonNull(member);
  }

  /** 400 naming each member that is missing: without them there is no payment to answer about. */
  private static void requirePresent(JsonNode body, String... members) {
    Map<String, String> missing = new LinkedHashMap<>();
    for (String member : members) {
      if (!present(body, member)) {
        missing.put(member, "is required");
      }
    }
    if (!missing.isEmpty()) {
      throw ApiException.invalid(
          "invalid request: " + String.join(", ", missing.keySet()), missing);
    }
  }

  /** Standard base64 as the Cronos SDK writes it; URL-safe accepted too. */
  private static Optional<String> decode(String encoded) {
    String text = encoded.strip();
    for (Base64.Decoder decoder :
        new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
      try {
        return Optional.of(new String(decoder.decode(text), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notThisAlphabet) {
        // try the next alphabet
      }
    }
    return Optional.empty();
  }
}
