package io.crogas.cli.x402;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentChallengeTest {
  private static final String USDC = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String PAY_TO = "0x36A0E7761d2ed2D02eC4d5dad93A20Cd26D1CcC8";

  private static String requirement(
      String scheme, String network, String amountField, String extra) {
    return "{\"scheme\":\""
        + scheme
        + "\",\"network\":\""
        + network
        + "\",\""
        + amountField
        + "\":\"10000\",\"asset\":\""
        + USDC
        + "\",\"payTo\":\""
        + PAY_TO
        + "\",\"maxTimeoutSeconds\":30,\"extra\":"
        + extra
        + "}";
  }

  private static final String EXTRA = "{\"name\":\"Bridged USDC (Stargate)\",\"version\":\"1\"}";

  @Test
  void givenAV2Header_whenReading_thenItWinsOverTheBodyAndKeepsResourceAndExtensions() {
    String document =
        "{\"x402Version\":2,\"resource\":{\"url\":\"http://x/paid\"},\"extensions\":{\"bazaar\":{}},"
            + "\"accepts\":["
            + requirement("exact", "eip155:338", "amount", EXTRA)
            + "]}";
    String header = Base64.getEncoder().encodeToString(document.getBytes(StandardCharsets.UTF_8));

    PaymentChallenge challenge =
        PaymentChallenge.read(Optional.of(header), "{\"x402Version\":1,\"accepts\":[]}")
            .orElseThrow();

    assertThat(challenge.x402Version()).isEqualTo(2);
    assertThat(challenge.resource().path("url").asText()).isEqualTo("http://x/paid");
    assertThat(challenge.extensions().has("bazaar")).isTrue();
    Offer offer = ((Offer.Payable) challenge.readings().get(0)).offer();
    assertThat(offer.chain().chainId().value()).isEqualTo(338);
    assertThat(offer.amount()).isEqualTo(10_000);
    assertThat(offer.maxTimeoutSeconds()).isEqualTo(30);
  }

  @Test
  void givenAV1Body_whenReading_thenMaxAmountRequiredIsThePriceAndTheV1NameIsKnown() {
    String body =
        "{\"x402Version\":1,\"error\":\"X-PAYMENT header is required\",\"accepts\":["
            + requirement("exact", "cronos-testnet", "maxAmountRequired", EXTRA)
            + "]}";

    PaymentChallenge challenge = PaymentChallenge.read(Optional.empty(), body).orElseThrow();

    Offer offer = ((Offer.Payable) challenge.readings().get(0)).offer();
    assertThat(offer.x402Version()).isEqualTo(1);
    assertThat(offer.chain().chainId().value()).isEqualTo(338);
    assertThat(offer.amount()).isEqualTo(10_000);
  }

  @Test
  void givenRequirementsThisClientCannotPay_whenReading_thenEachSaysWhy() {
    String body =
        "{\"x402Version\":2,\"accepts\":["
            + requirement("upto", "eip155:338", "amount", EXTRA)
            + ","
            + requirement("exact", "solana:mainnet", "amount", EXTRA)
            + ","
            + requirement("exact", "eip155:338", "amount", "{}")
            + ","
            + requirement(
                "exact",
                "eip155:338",
                "amount",
                "{\"name\":\"U\",\"version\":\"1\",\"assetTransferMethod\":\"permit2\"}")
            + "]}";

    PaymentChallenge challenge = PaymentChallenge.read(Optional.empty(), body).orElseThrow();

    assertThat(challenge.readings())
        .allSatisfy(reading -> assertThat(reading).isInstanceOf(Offer.Unpayable.class));
    assertThat(challenge.readings().stream().map(r -> ((Offer.Unpayable) r).reason()))
        .anySatisfy(reason -> assertThat(reason).contains("only the exact scheme"))
        .anySatisfy(reason -> assertThat(reason).contains("not an EVM network"))
        .anySatisfy(reason -> assertThat(reason).contains("extra.name"))
        .anySatisfy(reason -> assertThat(reason).contains("permit2"));
  }

  @Test
  void givenA402WithoutX402Content_whenReading_thenThereIsNoChallenge() {
    assertThat(PaymentChallenge.read(Optional.of("not base64!"), "<html>pay</html>")).isEmpty();
  }
}
