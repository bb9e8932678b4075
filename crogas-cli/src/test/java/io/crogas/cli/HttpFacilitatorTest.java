package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.cli.X402Bodies.Format;
import io.crogas.domain.model.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The x402 facilitator over real HTTP in its three formats (v2, v1, the Cronos Labs {@code
 * paymentHeader}) against the real server, node, anvil and token contract.
 */
class HttpFacilitatorTest {
  private static final BigInteger VALUE = BigInteger.valueOf(250_000);

  @TempDir static Path dir;
  private static ServedNetwork served;
  private static HttpJson api;

  @BeforeAll
  static void start() {
    served = ServedNetwork.start(dir, 2);
    api = served.api;
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  private static X402Bodies.Payment payment(
      LocalNetwork.User payer, LocalNetwork.User signer, Address payTo, long n) {
    return X402Bodies.payment(payer, signer, payTo, VALUE, n, served.node.usdc());
  }

  private static ObjectNode body(Format format, X402Bodies.Payment payment) {
    return X402Bodies.body(format, payment, served.node.usdc());
  }

  private static JsonNode post(Format format, String path, ObjectNode body) {
    HttpJson.Answer answer = X402Bodies.post(api, format, path, body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static long relayerTransactions() {
    long sent = 0;
    for (Address relayer : served.node.relayers()) {
      sent += served.transactionCount(relayer);
    }
    return sent;
  }

  @Test
  void givenThisChain_whenSupportedIsAsked_thenTheV2AndV1KindsAndTheRelayersAsSigners() {
    HttpJson.Answer answer = api.get("/x402/supported");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("kinds")).hasSize(2);
    assertThat(body.at("/kinds/0/x402Version").asInt()).isEqualTo(2);
    assertThat(body.at("/kinds/0/scheme").asText()).isEqualTo("exact");
    assertThat(body.at("/kinds/0/network").asText()).isEqualTo("eip155:338");
    assertThat(body.at("/kinds/1/x402Version").asInt()).isEqualTo(1);
    assertThat(body.at("/kinds/1/scheme").asText()).isEqualTo("exact");
    assertThat(body.at("/kinds/1/network").asText()).isEqualTo("cronos-testnet");
    assertThat(body.get("extensions").isArray()).isTrue();
    assertThat(body.get("signers").get("eip155:*"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(served.node.relayers().stream().map(Address::value).toList());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void
      givenAValidPayment_whenVerifiedSettledAndRetried_thenOneTransferAndTheRetryIsADuplicateWithTheHash(
          Format format) {
    LocalNetwork.User payer = LocalNetwork.User.of(200 + format.ordinal());
    served.network.fund(payer.address(), 10);
    Address payTo = LocalNetwork.User.of(210 + format.ordinal()).address();
    ObjectNode request = body(format, payment(payer, payer, payTo, 1));

    JsonNode verified = post(format, "/x402/verify", request);
    long sentBefore = relayerTransactions();
    JsonNode settled = post(format, "/x402/settle", request);
    long sentAfterSettle = relayerTransactions();
    JsonNode retried = post(format, "/x402/settle", request);
    JsonNode replayed = post(format, "/x402/verify", request);

    assertThat(verified.get("isValid").asBoolean()).as(verified.toString()).isTrue();
    assertThat(verified.get("payer").asText()).isEqualTo(payer.address().value());
    if (format == Format.CRONOS) {
      assertThat(verified.get("invalidReason").isNull()).isTrue();
      assertThat(settled.get("x402Version").asInt()).isEqualTo(1);
      assertThat(settled.get("event").asText()).as(settled.toString()).isEqualTo("payment.settled");
      assertThat(settled.get("from").asText()).isEqualTo(payer.address().value());
      assertThat(settled.get("to").asText()).isEqualTo(payTo.value());
      assertThat(settled.get("value").asText()).isEqualTo(VALUE.toString());
      assertThat(settled.get("network").asText()).isEqualTo("cronos-testnet");
      assertThat(settled.get("timestamp").asText()).isNotBlank();
    } else {
      assertThat(settled.get("success").asBoolean()).as(settled.toString()).isTrue();
      assertThat(settled.get("payer").asText()).isEqualTo(payer.address().value());
      assertThat(settled.get("network").asText()).isEqualTo(format.network());
    }
    String txHash = settled.get(format.transactionField()).asText();
    assertThat(txHash).matches("0x[0-9a-f]{64}");
    JsonNode receipt = served.receipt(txHash);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("to").asText())
        .isEqualToIgnoringCase(served.node.usdc().token().value());
    if (format == Format.CRONOS) {
      assertThat(settled.get("blockNumber").asLong())
          .isEqualTo(Long.decode(receipt.get("blockNumber").asText()));
    }
    assertThat(sentAfterSettle).isEqualTo(sentBefore + 1);
    assertThat(retried.get(format.transactionField()).asText()).isEqualTo(txHash);
    assertThat(retried.get("errorReason").asText()).isEqualTo("duplicate_settlement");
    assertThat(retried.get(format == Format.CRONOS ? "event" : "success").asText())
        .isEqualTo(format == Format.CRONOS ? "payment.failed" : "false");
    assertThat(relayerTransactions()).as("a retry sends nothing").isEqualTo(sentAfterSettle);
    assertThat(served.usdcBalance(payTo)).isEqualTo(VALUE);
    assertThat(served.usdcBalance(payer.address()))
        .isEqualTo(BigInteger.valueOf(10_000_000).subtract(VALUE));
    assertThat(replayed.get("isValid").asBoolean()).isFalse();
    assertThat(replayed.get("invalidReason").asText())
        .isEqualTo("invalid_exact_evm_nonce_already_used");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void givenASignatureByAnotherKey_whenVerifiedOrSettled_thenInvalidSignatureAndNoTransfer(
      Format format) {
    LocalNetwork.User payer = LocalNetwork.User.of(220 + format.ordinal());
    served.network.fund(payer.address(), 10);
    Address payTo = LocalNetwork.User.of(230 + format.ordinal()).address();
    ObjectNode request = body(format, payment(payer, LocalNetwork.User.of(666), payTo, 1));
    long sentBefore = relayerTransactions();

    JsonNode verified = post(format, "/x402/verify", request);
    JsonNode settled = post(format, "/x402/settle", request);

    assertThat(verified.get("isValid").asBoolean()).isFalse();
    assertThat(verified.get("invalidReason").asText()).isEqualTo(format.signatureCode());
    if (format == Format.CRONOS) {
      assertThat(settled.get("event").asText()).isEqualTo("payment.failed");
      assertThat(settled.get("errorReason").asText()).isEqualTo(format.signatureCode());
      assertThat(settled.get("error").asText()).isNotBlank();
    } else {
      assertThat(settled.get("success").asBoolean()).isFalse();
      assertThat(settled.get("errorReason").asText()).isEqualTo(format.signatureCode());
      assertThat(settled.get("transaction").asText()).isEmpty();
    }
    assertThat(relayerTransactions()).isEqualTo(sentBefore);
    assertThat(served.usdcBalance(payTo)).isZero();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void givenAPayerWithoutTheUsdc_whenVerifiedOrSettled_thenInsufficientFundsAndNoTransaction(
      Format format) {
    LocalNetwork.User payer = LocalNetwork.User.of(250 + format.ordinal());
    Address payTo = LocalNetwork.User.of(260 + format.ordinal()).address();
    ObjectNode request = body(format, payment(payer, payer, payTo, 1));
    String code =
        format == Format.V2 ? "invalid_exact_evm_insufficient_balance" : "insufficient_funds";
    long sentBefore = relayerTransactions();

    JsonNode verified = post(format, "/x402/verify", request);
    JsonNode settled = post(format, "/x402/settle", request);

    assertThat(verified.get("isValid").asBoolean()).isFalse();
    assertThat(verified.get("invalidReason").asText()).isEqualTo(code);
    assertThat(settled.get(format == Format.CRONOS ? "event" : "success").asText())
        .isEqualTo(format == Format.CRONOS ? "payment.failed" : "false");
    assertThat(settled.get("errorReason").asText()).isEqualTo(code);
    assertThat(relayerTransactions()).isEqualTo(sentBefore);
  }

  @Test
  void givenPaymentsInEveryFormat_whenListed_thenEachIsAnX402SettlementRecord() {
    LocalNetwork.User payer = LocalNetwork.User.of(240);
    served.network.fund(payer.address(), 10);
    Address payTo = LocalNetwork.User.of(241).address();
    long n = 0;
    for (Format format : Format.values()) {
      post(format, "/x402/settle", body(format, payment(payer, payer, payTo, n++)));
    }

    JsonNode list = api.get("/x402/transactions?user=" + payer.address() + "&limit=10").json();

    assertThat(list.get("transactions")).hasSize(3);
    for (JsonNode record : list.get("transactions")) {
      assertThat(record.get("kind").asText()).isEqualTo("x402-settlement");
      assertThat(record.get("status").asText()).isEqualTo("confirmed");
      assertThat(record.get("payTo").asText()).isEqualTo(payTo.value());
      assertThat(record.get("asset").asText()).isEqualTo(served.node.usdc().token().value());
    }
    assertThat(served.usdcBalance(payTo)).isEqualTo(VALUE.multiply(BigInteger.valueOf(3)));
  }

  private static boolean succeeded(Format format, JsonNode settled) {
    return format == Format.CRONOS
        ? "payment.settled".equals(settled.path("event").asText())
        : settled.path("success").asBoolean();
  }

  /**
   * Issue #9 item 1's pair: X1, the minimum to the payer himself, and X2, 5 USDC to the merchant.
   */
  private record SameNonce(X402Bodies.Payment toSelf, X402Bodies.Payment toMerchant) {
    static SameNonce of(LocalNetwork.User payer, Address merchant, long n) {
      return new SameNonce(
          X402Bodies.payment(
              payer, payer, payer.address(), BigInteger.valueOf(1_000), n, served.node.usdc()),
          X402Bodies.payment(
              payer, payer, merchant, BigInteger.valueOf(5_000_000), n, served.node.usdc()));
    }
  }

  /**
   * Issue #9 item 1: the payer settles X1 (the minimum, to himself, nonce N), then offers the
   * merchant X2 (5 USDC to the merchant, same N). Neither verify nor settle may call X2 good.
   */
  @ParameterizedTest
  @EnumSource(Format.class)
  void givenX1SettledToHimself_whenX2WithTheSameNonceIsOfferedToTheMerchant_thenNeverValidOrPaid(
      Format format) {
    LocalNetwork.User payer = LocalNetwork.User.of(270 + format.ordinal());
    served.network.fund(payer.address(), 10);
    Address merchant = LocalNetwork.User.of(280 + format.ordinal()).address();
    SameNonce attack = SameNonce.of(payer, merchant, 7);
    X402Bodies.Payment x1 = attack.toSelf();
    X402Bodies.Payment x2 = attack.toMerchant();
    JsonNode first = post(format, "/x402/settle", body(format, x1));
    long sentAfterX1 = relayerTransactions();

    JsonNode verified = post(format, "/x402/verify", body(format, x2));
    JsonNode settled = post(format, "/x402/settle", body(format, x2));

    assertThat(succeeded(format, first)).as(first.toString()).isTrue();
    assertThat(verified.get("isValid").asBoolean()).as(verified.toString()).isFalse();
    assertThat(verified.get("invalidReason").asText())
        .isEqualTo("invalid_exact_evm_nonce_already_used");
    assertThat(succeeded(format, settled)).as(settled.toString()).isFalse();
    assertThat(settled.get("errorReason").asText())
        .isEqualTo("invalid_exact_evm_nonce_already_used");
    assertThat(settled.path(format.transactionField()).asText())
        .as("X1's hash is not offered as X2's")
        .isNotEqualTo(first.get(format.transactionField()).asText());
    assertThat(relayerTransactions()).isEqualTo(sentAfterX1);
    assertThat(served.usdcBalance(merchant)).isZero();
  }

  /**
   * Issue #9 item 1, while X1 is still unmined (anvil's automine off): X2 with X1's nonce is
   * neither valid nor "pending" with X1's hash (which a merchant would watch confirm).
   */
  @Test
  void givenX1InFlight_whenX2WithTheSameNonceIsOffered_thenNeitherValidNorPendingOnX1sHash()
      throws Exception {
    LocalNetwork.User payer = LocalNetwork.User.of(330);
    served.network.fund(payer.address(), 10);
    Address merchant = LocalNetwork.User.of(331).address();
    SameNonce attack = SameNonce.of(payer, merchant, 9);
    X402Bodies.Payment x1 = attack.toSelf();
    X402Bodies.Payment x2 = attack.toMerchant();
    JsonNode verified;
    JsonNode settled;
    CompletableFuture<JsonNode> first;
    served.rpc("evm_setAutomine", "[false]");
    try {
      first =
          CompletableFuture.supplyAsync(() -> post(Format.V2, "/x402/settle", body(Format.V2, x1)));
      awaitSubmitted(payer.address());
      verified = post(Format.V2, "/x402/verify", body(Format.V2, x2));
      settled = post(Format.V2, "/x402/settle", body(Format.V2, x2));
    } finally {
      served.rpc("evm_setAutomine", "[true]");
      served.rpc("evm_mine", "[]");
    }
    JsonNode owner = first.get(60, TimeUnit.SECONDS);

    assertThat(owner.get("success").asBoolean()).as(owner.toString()).isTrue();
    assertThat(settled.get("success").asBoolean()).as(settled.toString()).isFalse();
    assertThat(settled.get("errorReason").asText())
        .as(settled.toString())
        .isEqualTo("invalid_exact_evm_nonce_already_used");
    assertThat(settled.get("transaction").asText()).isEmpty();
    // anvil simulates on its pending block, where X1 has used the nonce; Cronos nodes need not.
    assertThat(verified.get("isValid").asBoolean()).as(verified.toString()).isFalse();
    assertThat(verified.get("invalidReason").asText())
        .isEqualTo("invalid_exact_evm_nonce_already_used");
    assertThat(served.usdcBalance(merchant)).isZero();
  }

  /** Bounded wait until {@code payer}'s settlement has a transaction in anvil's pool. */
  private static void awaitSubmitted(Address payer) {
    await("the settlement submitted")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                api.get("/x402/transactions?user=" + payer + "&limit=5")
                    .json()
                    .path("transactions")
                    .path(0)
                    .path("status")
                    .asText()
                    .equals("submitted"));
  }

  /** Issue #9 item 2: one header settled by 16 parallel calls and then once more. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void givenOneHeader_whenSettledSixteenTimesInParallelThenOnceMore_thenExactlyOneSuccess(
      Format format) throws Exception {
    LocalNetwork.User payer = LocalNetwork.User.of(290 + format.ordinal());
    served.network.fund(payer.address(), 10);
    Address merchant = LocalNetwork.User.of(295 + format.ordinal()).address();
    ObjectNode header = body(format, payment(payer, payer, merchant, 1));
    long sentBefore = relayerTransactions();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JsonNode>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(
          clients.submit(
              () -> {
                go.await();
                return post(format, "/x402/settle", header);
              }));
    }
    go.countDown();
    List<JsonNode> answers = new ArrayList<>();
    for (Future<JsonNode> call : calls) {
      answers.add(call.get(60, TimeUnit.SECONDS));
    }
    clients.shutdown();
    answers.add(post(format, "/x402/settle", header));

    assertThat(answers).filteredOn(answer -> succeeded(format, answer)).hasSize(1);
    String txHash =
        answers.stream()
            .filter(answer -> succeeded(format, answer))
            .findFirst()
            .orElseThrow()
            .get(format.transactionField())
            .asText();
    assertThat(answers)
        .filteredOn(answer -> !succeeded(format, answer))
        .hasSize(16)
        .allSatisfy(
            answer -> {
              assertThat(answer.get("errorReason").asText()).isEqualTo("duplicate_settlement");
              assertThat(answer.path(format.transactionField()).asText())
                  .isIn(txHash, ""); // "" only while the owner had not sent yet
            });
    assertThat(answers.get(16).get(format.transactionField()).asText()).isEqualTo(txHash);
    assertThat(relayerTransactions()).isEqualTo(sentBefore + 1);
    assertThat(served.usdcBalance(merchant)).isEqualTo(VALUE);
  }

  /** Issue #9 item 3: a transfer below the minimum (0.001 USDC) costs the relayer nothing. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void givenATransferBelowTheMinimum_whenVerifiedOrSettled_thenRefusedAndNothingSent(
      Format format) {
    LocalNetwork.User payer = LocalNetwork.User.of(310 + format.ordinal());
    served.network.fund(payer.address(), 1);
    X402Bodies.Payment dust =
        X402Bodies.payment(
            payer, payer, payer.address(), BigInteger.valueOf(999), 1, served.node.usdc());
    long sentBefore = relayerTransactions();

    JsonNode verified = post(format, "/x402/verify", body(format, dust));
    JsonNode settled = post(format, "/x402/settle", body(format, dust));

    assertThat(verified.get("isValid").asBoolean()).isFalse();
    assertThat(verified.get("invalidReason").asText()).isEqualTo("amount_below_minimum");
    assertThat(succeeded(format, settled)).isFalse();
    assertThat(settled.get("errorReason").asText()).isEqualTo("amount_below_minimum");
    assertThat(relayerTransactions()).isEqualTo(sentBefore);
  }

  /** Issue #8: a structurally broken payment is answered in-band, in the request's format. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void givenABrokenPaymentInAReadableRequest_whenVerifiedOrSettled_then200InvalidPayload(
      Format format) {
    LocalNetwork.User payer = LocalNetwork.User.of(320 + format.ordinal());
    ObjectNode request = body(format, payment(payer, payer, payer.address(), 1));
    if (format == Format.CRONOS) {
      request.put("paymentHeader", "this is not base64!");
    } else {
      ((ObjectNode) request.at("/paymentPayload/payload")).put("signature", "0x1234");
    }
    long sentBefore = relayerTransactions();

    JsonNode verified = post(format, "/x402/verify", request);
    JsonNode settled = post(format, "/x402/settle", request);

    assertThat(verified.get("isValid").asBoolean()).isFalse();
    assertThat(verified.get("invalidReason").asText()).isEqualTo("invalid_payload");
    assertThat(succeeded(format, settled)).isFalse();
    assertThat(settled.get("errorReason").asText()).isEqualTo("invalid_payload");
    if (format == Format.CRONOS) {
      assertThat(settled.get("event").asText()).isEqualTo("payment.failed");
    }
    assertThat(relayerTransactions()).isEqualTo(sentBefore);
    HttpJson.Answer missing =
        X402Bodies.post(
            api,
            format,
            "/x402/verify",
            HttpJson.object().set("paymentRequirements", HttpJson.object()));
    assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
  }
}
