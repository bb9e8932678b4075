package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.cli.X402Bodies.Format;
import io.crogas.cli.command.CliRun;
import io.crogas.domain.model.Address;
import io.crogas.http.ApiSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A facilitator client with an API key, end to end: the key made by {@code crogas apikeys create}
 * on the running server's store, used by the reference {@code HTTPFacilitatorClient} of {@code
 * @x402/core} (its {@code createAuthHeaders} option) to verify and settle a real payment on anvil,
 * then revoked by {@code crogas apikeys revoke}: the same client gets 401.
 */
class ApiKeyClientTest {
  private static final Duration REFRESH = Duration.ofMillis(200);
  private static final BigInteger VALUE = BigInteger.valueOf(150_000);

  @TempDir static Path dir;
  private static ServedNetwork served;

  @BeforeAll
  static void start() {
    served =
        ServedNetwork.start(
            dir,
            1,
            ApiSettings.Access.open()
                .withAnonymous(ApiSettings.Anonymous.OFF)
                .withApiKeyRefresh(REFRESH));
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  private static ObjectNode payment(long seed) {
    LocalNetwork.User payer = LocalNetwork.User.of(seed);
    served.network.fund(payer.address(), 10);
    Address payTo = LocalNetwork.User.of(seed + 1).address();
    return X402Bodies.body(
        Format.V2,
        X402Bodies.payment(payer, payer, payTo, VALUE, 1, served.node.usdc()),
        served.node.usdc());
  }

  /** facilitator-client.mjs with {@code key} (empty: none) on {@code payment}; its results. */
  private static JsonNode stockClient(String key, ObjectNode payment, String log) throws Exception {
    try (NodeScript script =
        NodeScript.start(
            "facilitator-client.mjs",
            Map.of(
                "CROGAS_FACILITATOR",
                served.server.url() + "/x402",
                "CROGAS_API_KEY",
                key,
                "PAYMENT",
                payment.toString()),
            dir.resolve(log))) {
      return HttpJson.MAPPER.readTree(script.finish(Duration.ofSeconds(60)));
    }
  }

  /**
   * Verifies {@code payment} with {@code key} until the answer is {@code status} (at most 10 s).
   */
  private static HttpJson.Answer awaitVerify(int status, String key, ObjectNode payment) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(REFRESH)
        .until(
            () -> served.api.post("/x402/verify", payment, "Authorization", "Bearer " + key),
            answer -> answer.status() == status);
  }

  @Test
  void givenAKeyFromTheCli_whenTheStockClientPaysWithItAndItIsRevoked_thenSettledThen401()
      throws Exception {
    String store = ServedNetwork.store(dir).toString();
    CliRun created =
        CliRun.of("apikeys", "create", "--label", "stock merchant", "--store", store, "--json");
    assertThat(created.code()).as(created.err()).isZero();
    JsonNode issued = HttpJson.MAPPER.readTree(created.out());
    String key = issued.get("key").asText();
    ObjectNode first = payment(7_100);
    assertThat(awaitVerify(200, key, first).status()).isEqualTo(200);
    Address payTo = LocalNetwork.User.of(7_101).address();

    JsonNode keyed = stockClient(key, first, "keyed.log");
    JsonNode anonymous = stockClient("", payment(7_200), "anonymous.log");

    assertThat(keyed.at("/supported/ok/kinds/0/network").asText()).isEqualTo("eip155:338");
    assertThat(keyed.at("/verify/ok/isValid").asBoolean()).as(keyed.toString()).isTrue();
    assertThat(keyed.at("/settle/ok/success").asBoolean()).as(keyed.toString()).isTrue();
    assertThat(keyed.at("/settle/ok/transaction").asText()).matches("0x[0-9a-f]{64}");
    served.awaitUsdcBalance(payTo, VALUE);
    assertThat(served.usdcBalance(payTo)).isEqualTo(VALUE);
    // Without a key: the kinds are public, verify and settle are not.
    assertThat(anonymous.at("/supported/ok/kinds").isArray()).as(anonymous.toString()).isTrue();
    assertThat(anonymous.at("/verify/error").asText()).contains("(401)", "unauthorized");
    assertThat(anonymous.at("/settle/error").asText()).contains("(401)");

    CliRun revoked =
        CliRun.of("apikeys", "revoke", issued.get("id").asText(), "--store", store, "--json");
    assertThat(revoked.code()).as(revoked.err()).isZero();
    ObjectNode second = payment(7_300);
    HttpJson.Answer refused = awaitVerify(401, key, second);
    JsonNode afterRevoke = stockClient(key, second, "revoked.log");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(afterRevoke.at("/supported/error").asText()).contains("(401)");
    assertThat(afterRevoke.at("/verify/error").asText()).contains("(401)", "unauthorized");
    assertThat(afterRevoke.at("/settle/error").asText()).contains("(401)");
    assertThat(served.usdcBalance(LocalNetwork.User.of(7_301).address())).isZero();
  }
}
