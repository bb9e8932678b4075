package io.crogas.cli.x402;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;

/**
 * Signs an {@link Offer}'s EIP-3009 {@code TransferWithAuthorization} (the domain's {@link
 * TransferAuthorization#transferDigest}) and builds the payment header: {@code PAYMENT-SIGNATURE}
 * in v2, {@code X-PAYMENT} in v1. Validity as the reference client: from ten minutes ago (clock
 * skew) to the offer's {@code maxTimeoutSeconds} from now, under a random nonce.
 */
public final class PaymentSigner {
  private static final long SKEW_SECONDS = 600;

  private final UnlockedKey key;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();

  public PaymentSigner(UnlockedKey key, InstantSource clock) {
    this.key = key;
    this.clock = clock;
  }

  /** A signed payment and the header that carries it. */
  public record SignedPayment(
      Offer offer,
      TransferAuthorization authorization,
      Signature signature,
      String headerName,
      String headerValue) {
    public TokenAmount amount() {
      return TokenAmount.usdc(authorization.value());
    }
  }

  public SignedPayment sign(Offer offer, PaymentChallenge challenge) {
    long now = clock.instant().getEpochSecond();
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    TransferAuthorization authorization =
        new TransferAuthorization(
            key.address(),
            offer.payTo(),
            offer.amount(),
            BigInteger.valueOf(Math.max(0, now - SKEW_SECONDS)),
            BigInteger.valueOf(now + offer.maxTimeoutSeconds()),
            Hash32.of(nonce));
    TokenDomain token =
        TokenDomain.of(
            offer.tokenName(),
            offer.tokenVersion(),
            offer.chain().chainId(),
            offer.asset(),
            TokenAmount.USDC_DECIMALS);
    Signature signature = key.sign(authorization.transferDigest(token).bytes());
    ObjectNode document = document(offer, challenge, authorization, signature);
    String value =
        Base64.getEncoder().encodeToString(document.toString().getBytes(StandardCharsets.UTF_8));
    return new SignedPayment(
        offer,
        authorization,
        signature,
        offer.x402Version() == 1 ? "X-PAYMENT" : "PAYMENT-SIGNATURE",
        value);
  }

  private static ObjectNode document(
      Offer offer,
      PaymentChallenge challenge,
      TransferAuthorization authorization,
      Signature signature) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("x402Version", offer.x402Version());
    if (offer.x402Version() == 1) {
      document.put("scheme", "exact").put("network", offer.network());
    } else if (!challenge.resource().isMissingNode()) {
      document.set("resource", challenge.resource());
    }
    if (offer.x402Version() != 1) {
      document.set("accepted", offer.requirement());
    }
    ObjectNode payload = document.putObject("payload");
    payload.put("signature", signature.hex());
    ObjectNode fields = payload.putObject("authorization");
    fields
        .put("from", authorization.from().value())
        .put("to", authorization.to().value())
        .put("value", authorization.value().toString())
        .put("validAfter", authorization.validAfter().toString())
        .put("validBefore", authorization.validBefore().toString())
        .put("nonce", authorization.nonce().hex());
    if (offer.x402Version() != 1 && !challenge.extensions().isMissingNode()) {
      document.set("extensions", challenge.extensions());
    }
    return document;
  }
}
