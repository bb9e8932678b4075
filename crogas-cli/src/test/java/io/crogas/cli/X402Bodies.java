package io.crogas.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * x402 {@code /verify} and {@code /settle} bodies as a resource server sends them, in each of the
 * three formats the facilitator speaks.
 */
final class X402Bodies {
  private X402Bodies() {}

  /** The request shapes a resource server may send. */
  enum Format {
    V2,
    V1,
    CRONOS;

    String network() {
      return this == V2 ? "eip155:338" : "cronos-testnet";
    }

    String signatureCode() {
      return this == V2 ? "invalid_exact_evm_signature" : "invalid_exact_evm_payload_signature";
    }

    String transactionField() {
      return this == CRONOS ? "txHash" : "transaction";
    }
  }

  /** A signed EIP-3009 {@code TransferWithAuthorization}. */
  record Payment(TransferAuthorization authorization, Signature signature) {
    ObjectNode authorizationJson() {
      return HttpJson.object()
          .put("from", authorization.from().value())
          .put("to", authorization.to().value())
          .put("value", authorization.value().toString())
          .put("validAfter", authorization.validAfter().toString())
          .put("validBefore", authorization.validBefore().toString())
          .put("nonce", authorization.nonce().hex());
    }
  }

  /**
   * Payment number {@code n} of {@code payer}: {@code value} to {@code payTo}, valid for ten
   * minutes, signed by {@code signer} (the payer, or a forger).
   */
  static Payment payment(
      LocalNetwork.User payer,
      LocalNetwork.User signer,
      Address payTo,
      BigInteger value,
      long n,
      TokenDomain token) {
    TransferAuthorization authorization =
        new TransferAuthorization(
            payer.address(),
            payTo,
            value,
            BigInteger.ZERO,
            BigInteger.valueOf(Instant.now().getEpochSecond() + 600),
            Hash32.of(
                Keccak256.hash(
                    ByteBuffer.allocate(28).put(payer.address().bytes()).putLong(n).array())));
    return new Payment(authorization, signer.sign(authorization.transferDigest(token)));
  }

  /** The verify/settle body for {@code payment} in {@code format}. */
  static ObjectNode body(Format format, Payment payment, TokenDomain token) {
    ObjectNode requirements =
        HttpJson.object()
            .put("scheme", "exact")
            .put("network", format.network())
            .put(
                format == Format.V2 ? "amount" : "maxAmountRequired",
                payment.authorization().value().toString())
            .put("asset", token.token().value())
            .put("payTo", payment.authorization().to().value())
            .put("maxTimeoutSeconds", 300)
            .put("resource", "https://api.example/report")
            .put("description", "a paid report");
    requirements.putObject("extra").put("name", token.name()).put("version", token.version());
    ObjectNode body = HttpJson.object();
    if (format == Format.CRONOS) {
      ObjectNode flat = payment.authorizationJson();
      flat.put("validAfter", payment.authorization().validAfter().longValue());
      flat.put("validBefore", payment.authorization().validBefore().longValue());
      flat.put("signature", payment.signature().hex());
      flat.put("asset", token.token().value());
      ObjectNode header =
          HttpJson.object()
              .put("x402Version", 1)
              .put("scheme", "exact")
              .put("network", format.network());
      header.set("payload", flat);
      body.put("x402Version", 1);
      body.put(
          "paymentHeader",
          Base64.getEncoder().encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)));
      body.set("paymentRequirements", requirements);
      return body;
    }
    int version = format == Format.V2 ? 2 : 1;
    ObjectNode payload = body.putObject("paymentPayload").put("x402Version", version);
    if (format == Format.V2) {
      payload.set("accepted", requirements.deepCopy());
      payload.putObject("resource").put("url", "https://api.example/report");
    } else {
      payload.put("scheme", "exact").put("network", format.network());
    }
    ObjectNode inner = payload.putObject("payload").put("signature", payment.signature().hex());
    inner.set("authorization", payment.authorizationJson());
    body.put("x402Version", version);
    body.set("paymentRequirements", requirements);
    return body;
  }

  /** POSTs to {@code path}; the Cronos format with its {@code X402-Version: 1} header. */
  static HttpJson.Answer post(HttpJson api, Format format, String path, ObjectNode body) {
    return format == Format.CRONOS
        ? api.post(path, body, "X402-Version", "1")
        : api.post(path, body);
  }
}
