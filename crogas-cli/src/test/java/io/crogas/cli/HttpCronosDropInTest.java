package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CroGas as a drop-in for the Cronos Labs facilitator's base URL: a seller that changes only the
 * URL keeps its requests ({@code paymentHeader}, {@code X402-Version: 1}, {@code /v2/x402/...}) and
 * gets the answers it parses. Real server, anvil, contracts.
 */
class HttpCronosDropInTest {
  private static final BigInteger VALUE = BigInteger.valueOf(250_000);

  @TempDir static Path dir;
  private static ServedNetwork served;

  @BeforeAll
  static void start() {
    served = ServedNetwork.start(dir, 1);
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  @Test
  void givenTheCronosLabsPaths_whenAPaymentIsVerifiedAndSettled_thenItsShapesAndOneTransfer() {
    LocalNetwork.User payer = LocalNetwork.User.of(700);
    served.network.fund(payer.address(), 5);
    Address seller = LocalNetwork.User.of(701).address();
    ObjectNode request =
        X402Bodies.body(
            X402Bodies.Format.CRONOS,
            X402Bodies.payment(payer, payer, seller, VALUE, 0, served.node.usdc()),
            served.node.usdc());

    HttpJson.Answer verified =
        X402Bodies.post(served.api, X402Bodies.Format.CRONOS, "/v2/x402/verify", request);
    HttpJson.Answer settled =
        X402Bodies.post(served.api, X402Bodies.Format.CRONOS, "/v2/x402/settle", request);
    HttpJson.Answer again =
        X402Bodies.post(served.api, X402Bodies.Format.CRONOS, "/v2/x402/settle", request);

    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("isValid").asBoolean()).isTrue();
    assertThat(verified.json().get("invalidReason").isNull()).isTrue();
    JsonNode paid = settled.json();
    assertThat(paid.get("event").asText()).as(paid.toString()).isEqualTo("payment.settled");
    assertThat(paid.get("x402Version").asInt()).isEqualTo(1);
    assertThat(paid.get("txHash").asText()).matches("0x[0-9a-f]{64}");
    assertThat(paid.get("blockNumber").asLong()).isPositive();
    assertThat(paid.get("network").asText()).isEqualTo("cronos-testnet");
    assertThat(served.usdcBalance(seller)).isEqualTo(VALUE);
    assertThat(again.json().get("event").asText()).isEqualTo("payment.failed");
    assertThat(again.json().get("error").asText()).isEqualTo("Authorization already used");
  }

  @Test
  void givenTheCronosLabsSupportedPath_whenAsked_thenItsV1KindUnderTheCronosNetworkName() {
    HttpJson.Answer supported = served.api.get("/v2/x402/supported");

    assertThat(supported.status()).isEqualTo(200);
    assertThat(supported.json().get("kinds")).hasSize(1);
    assertThat(supported.json().at("/kinds/0/x402Version").asInt()).isEqualTo(1);
    assertThat(supported.json().at("/kinds/0/scheme").asText()).isEqualTo("exact");
    assertThat(supported.json().at("/kinds/0/network").asText()).isEqualTo("cronos-testnet");
  }

  @Test
  void givenTheHealthcheckPath_whenTheChainAnswers_thenSuccessInTheCronosLabsShape() {
    HttpJson.Answer health = served.api.get("/healthcheck");

    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("success");
    assertThat(health.json().at("/results/message").asText()).isEqualTo("OK");
    assertThat(health.json().at("/results/uptime").isNumber()).isTrue();
    assertThat(health.json().at("/results/responseTime")).hasSize(2);
    assertThat(health.json().at("/results/timestamp").asLong()).isPositive();
  }
}
