package io.crogas.cli.x402;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.cli.TestKeystore;
import io.crogas.cli.keys.PasswordSource;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import io.crogas.testkit.AnvilChain;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentSignerTest {
  private static final String USDC = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String PAY_TO = "0x36A0E7761d2ed2D02eC4d5dad93A20Cd26D1CcC8";

  @TempDir Path dir;

  @Test
  void givenAV2Offer_whenSigning_thenTheHeaderCarriesATransferAuthorizationTheKeySigned()
      throws Exception {
    UnlockedKey key =
        UnlockedKey.open(
            TestKeystore.of(AnvilChain.DEV_KEYS.get(4), dir),
            new PasswordSource.Environment("PW").read(Map.of("PW", "pw")));
    String body =
        "{\"x402Version\":2,\"resource\":{\"url\":\"http://x/paid\"},"
            + "\"extensions\":{\"bazaar\":{\"info\":{}}},\"accepts\":[{\"scheme\":\"exact\","
            + "\"network\":\"eip155:338\",\"amount\":\"10000\",\"asset\":\""
            + USDC
            + "\",\"payTo\":\""
            + PAY_TO
            + "\",\"maxTimeoutSeconds\":60,\"extra\":{\"name\":\"Bridged USDC (Stargate)\","
            + "\"version\":\"1\"}}]}";
    PaymentChallenge challenge = PaymentChallenge.read(Optional.empty(), body).orElseThrow();
    Offer offer = ((Offer.Payable) challenge.readings().get(0)).offer();
    InstantSource clock = InstantSource.fixed(Instant.ofEpochSecond(1_800_000_000L));

    PaymentSigner.SignedPayment payment = new PaymentSigner(key, clock).sign(offer, challenge);

    assertThat(payment.headerName()).isEqualTo("PAYMENT-SIGNATURE");
    JsonNode document = PaymentChallenge.decodeBase64Json(payment.headerValue()).orElseThrow();
    assertThat(document.path("x402Version").asInt()).isEqualTo(2);
    assertThat(document.path("accepted")).isEqualTo(offer.requirement());
    assertThat(document.path("resource").path("url").asText()).isEqualTo("http://x/paid");
    assertThat(document.path("extensions").has("bazaar")).isTrue();
    JsonNode authorization = document.path("payload").path("authorization");
    assertThat(authorization.path("value").asText()).isEqualTo("10000");
    assertThat(authorization.path("validAfter").asText()).isEqualTo("1799999400");
    assertThat(authorization.path("validBefore").asText()).isEqualTo("1800000060");
    assertThat(authorization.path("to").asText()).isEqualTo(PAY_TO);
    TransferAuthorization signed = payment.authorization();
    TokenDomain token =
        TokenDomain.of("Bridged USDC (Stargate)", "1", new ChainId(338), Address.parse(USDC), 6);
    Recovery recovery =
        Secp256k1.recover(
            signed.transferDigest(token).bytes(),
            new Signature(document.path("payload").path("signature").asText()).bytes());
    assertThat(Address.parse(((Recovery.Recovered) recovery).address())).isEqualTo(key.address());
  }
}
