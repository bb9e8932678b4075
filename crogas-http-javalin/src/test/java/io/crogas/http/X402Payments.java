package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** x402 payments of the fixture's user and their request bodies in each format. */
final class X402Payments {
  static final Address PAY_TO = Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  private static final AtomicLong NONCES = new AtomicLong(1);

  private X402Payments() {}

  /**
   * A transfer of {@code value} from the fixture's user to {@link #PAY_TO} with a fresh nonce,
   * signed by {@code signer} (the user, or a forger).
   */
  static Payment payment(Fixture fixture, long value, Keys signer) {
    TransferAuthorization authorization =
        new TransferAuthorization(
            fixture.user.address(),
            PAY_TO,
            BigInteger.valueOf(value),
            BigInteger.valueOf(fixture.now() - 60),
            BigInteger.valueOf(fixture.now() + 600),
            Hash32.of(
                java.nio.ByteBuffer.allocate(32).putLong(24, NONCES.getAndIncrement()).array()));
    return new Payment(authorization, signer.sign(authorization.transferDigest(fixture.usdc)));
  }

  record Payment(TransferAuthorization authorization, Signature signature) {
    ObjectNode authorizationJson() {
      return Json.object()
          .put("from", authorization.from().value())
          .put("to", authorization.to().value())
          .put("value", authorization.value().toString())
          .put("validAfter", authorization.validAfter().toString())
          .put("validBefore", authorization.validBefore().toString())
          .put("nonce", authorization.nonce().hex());
    }
  }

  /** The request body for {@code payment} in {@code format}. */
  static ObjectNode body(X402Format format, Payment payment, long required) {
    String network = format == X402Format.V2 ? "eip155:338" : "cronos-testnet";
    ObjectNode requirements =
        Json.object()
            .put("scheme", "exact")
            .put("network", network)
            .put(format == X402Format.V2 ? "amount" : "maxAmountRequired", Long.toString(required))
            .put("asset", Fixture.USDC.value())
            .put("payTo", PAY_TO.value())
            .put("maxTimeoutSeconds", 300)
            .put("resource", "https://api.example/data");
    requirements.putObject("extra").put("name", "USD Coin").put("version", "2");
    ObjectNode body = Json.object();
    if (format == X402Format.CRONOS) {
      ObjectNode flat = payment.authorizationJson();
      flat.put("validAfter", payment.authorization().validAfter().longValue());
      flat.put("validBefore", payment.authorization().validBefore().longValue());
      flat.put("signature", payment.signature().hex()).put("asset", Fixture.USDC.value());
      ObjectNode header =
          Json.object().put("x402Version", 1).put("scheme", "exact").put("network", network);
      header.set("payload", flat);
      body.put("x402Version", 1);
      body.put(
          "paymentHeader",
          Base64.getEncoder().encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)));
      body.set("paymentRequirements", requirements);
      return body;
    }
    ObjectNode payload = body.putObject("paymentPayload").put("x402Version", format.version());
    if (format == X402Format.V2) {
      payload.set("accepted", requirements.deepCopy());
    } else {
      payload.put("scheme", "exact").put("network", network);
    }
    ObjectNode inner = payload.putObject("payload").put("signature", payment.signature().hex());
    inner.set("authorization", payment.authorizationJson());
    body.put("x402Version", format.version());
    body.set("paymentRequirements", requirements);
    return body;
  }
}
