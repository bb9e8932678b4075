package io.crogas.cli;

import static io.crogas.cli.HttpJson.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.policy.FeeSchedule;
import io.crogas.eip712.Secp256k1;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.eip712.TypedDataJson;
import io.crogas.node.NodeDefaults;
import io.crogas.node.NodeInternals;
import io.crogas.testfixtures.MutableClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's flow as an outside client does it, over real HTTP against the real server, node, anvil
 * and contracts: quote, sign both typed-data documents, facilitate, read the records; and every
 * refusal the contract names, reached on the real stack.
 */
class HttpGaslessFlowTest {
  private static final String DECIMAL_6 = "[0-9]+\\.[0-9]{6}";
  private static final String INTEGER = "[0-9]+";
  private static final Set<String> FINAL = Set.of("confirmed", "failed");

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir static Path dir;

  /**
   * The node's and the server's time. It starts ahead of the chain's (deadlines it gives stay in
   * the chain's future) and each test starts on a whole minute, in rate-limit windows of its own.
   */
  private static final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(MINUTE));

  private static ServedNetwork served;
  private static HttpJson api;

  @BeforeAll
  static void start() {
    served = ServedNetwork.start(dir, 1, clock);
    api = served.api;
  }

  @BeforeEach
  void startOnANewMinute() {
    clock.advance(MINUTE);
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  private static Address demoTarget() {
    return served.network.deployment.demoTarget();
  }

  private static Address forwarder() {
    return served.network.deployment.forwarder();
  }

  private static ObjectNode quoteRequest(LocalNetwork.User user, long value) {
    return HttpJson.object()
        .put("userAddress", user.address().value())
        .put("target", demoTarget().value())
        .put("calldata", LocalNetwork.store(value).hex())
        .put("gasLevel", "normal");
  }

  private static JsonNode quote(LocalNetwork.User user, long value) {
    HttpJson.Answer answer = api.post("/x402/quote", quoteRequest(user, value));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** What a wallet does with an {@code eth_signTypedData_v4} document: hash it and sign. */
  private static Hash32 digestOf(JsonNode document) {
    return Hash32.of(TypedDataEncoder.digest(TypedDataJson.parse(document.toString())));
  }

  private static String sign(LocalNetwork.User user, Hash32 digest) {
    return Secp256k1.sign(digest.bytes(), user.key()).toHex();
  }

  /** The seed's body plus {@code payment}, from the quote's two documents signed by the user. */
  private static ObjectNode signed(LocalNetwork.User user, JsonNode quote) {
    JsonNode metaDocument = quote.at("/typedData/metaTransaction");
    JsonNode paymentDocument = quote.at("/typedData/payment");
    JsonNode meta = metaDocument.get("message");
    ObjectNode body =
        HttpJson.object()
            .put("target", meta.get("target").asText())
            .put("calldata", meta.get("calldata").asText())
            .put("gasLevel", meta.get("gasLevel").asText())
            .put("userAddress", user.address().value())
            .put("signature", sign(user, digestOf(metaDocument)))
            // As the seed's client sends them: JSON numbers (unpaid() sends decimal strings).
            .put("deadline", meta.get("deadline").asLong())
            .put("nonce", meta.get("nonce").asLong());
    ObjectNode payment = body.putObject("payment");
    ObjectNode authorization = payment.putObject("authorization");
    for (String field : List.of("from", "to", "value", "validAfter", "validBefore", "nonce")) {
      authorization.put(field, paymentDocument.at("/message/" + field).asText());
    }
    payment.put("signature", sign(user, digestOf(paymentDocument)));
    return body;
  }

  /** A meta-transaction signed without asking for a quote (seed body, no payment). */
  private static ObjectNode unpaid(LocalNetwork.User user, MetaTransaction call) {
    return HttpJson.object()
        .put("target", call.target().value())
        .put("calldata", call.calldata().hex())
        .put("gasLevel", call.gasLevel())
        .put("userAddress", user.address().value())
        .put("signature", sign(user, call.digest(served.node.forwarder())))
        .put("deadline", call.deadline().toString())
        .put("nonce", call.nonce().toString());
  }

  private static MetaTransaction call(long value, long nonce, long deadline) {
    return new MetaTransaction(
        demoTarget(),
        LocalNetwork.store(value),
        "normal",
        BigInteger.valueOf(nonce),
        BigInteger.valueOf(deadline));
  }

  private static long now() {
    return clock.instant().getEpochSecond();
  }

  private static JsonNode facilitated(ObjectNode body) {
    HttpJson.Answer answer = api.post("/x402/facilitate", body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("success").asBoolean()).as(answer.toString()).isTrue();
    return answer.json();
  }

  private static BigDecimal decimal(JsonNode node) {
    return new BigDecimal(node.asText());
  }

  @Test
  void givenACall_whenQuoted_thenEveryFieldIsThereAndBothDocumentsHashToWhatTheClientSigns() {
    LocalNetwork.User user = LocalNetwork.User.of(101);

    JsonNode quote = quote(user, 42);

    assertThat(quote.get("quoteId").asText()).startsWith("q_");
    assertThat(quote.get("chainId").asLong()).isEqualTo(338);
    assertThat(quote.get("forwarder").asText()).isEqualTo(forwarder().value());
    assertThat(quote.get("userAddress").asText()).isEqualTo(user.address().value());
    assertThat(quote.get("target").asText()).isEqualTo(demoTarget().value());
    assertThat(quote.get("gasLevel").asText()).isEqualTo("normal");
    assertThat(quote.get("nonce").asText()).isEqualTo("0");
    assertThat(quote.get("deadline").isIntegralNumber()).isTrue();
    assertThat(quote.get("deadline").asLong())
        .isEqualTo(now() + NodeDefaults.DEFAULT_DEADLINE.toSeconds());
    assertThat(quote.get("gasLimit").asText()).matches(INTEGER);
    assertThat(new BigInteger(quote.get("gasLimit").asText())).isPositive();
    assertThat(quote.get("maxFeePerGas").asText()).matches(INTEGER);
    assertThat(new BigInteger(quote.get("maxFeePerGas").asText())).isPositive();
    assertThat(quote.get("croUsd").asText()).isEqualTo("0.10");
    assertThat(quote.get("priceSource").asText()).isNotBlank();
    assertThat(quote.get("amount").asText()).matches(DECIMAL_6);
    assertThat(quote.get("amountAtomic").asText()).matches(INTEGER);
    assertThat(decimal(quote.get("amount")).movePointRight(6).toBigIntegerExact())
        .isEqualTo(new BigInteger(quote.get("amountAtomic").asText()));
    assertThat(quote.get("currency").asText()).isEqualTo("USDC");
    BigDecimal base = decimal(quote.at("/breakdown/baseGasCost"));
    BigDecimal fee = decimal(quote.at("/breakdown/facilitatorFee"));
    assertThat(quote.at("/breakdown/baseGasCost").asText()).matches(DECIMAL_6);
    assertThat(quote.at("/breakdown/facilitatorFee").asText()).matches(DECIMAL_6);
    assertThat(base.add(fee)).isEqualByComparingTo(decimal(quote.get("amount")));
    // Default fee: 1% of the gas cost, rounded up to the token's 6 decimals.
    assertThat(fee)
        .isEqualByComparingTo(
            base.multiply(new BigDecimal("0.01")).setScale(6, RoundingMode.CEILING));
    assertThat(quote.get("expiresAt").asLong())
        .isEqualTo(now() + FeeSchedule.defaults().quoteTtl().toSeconds());
    // croCost = gasLimit x maxFeePerGas; the gas cost in USD at 0.10 per CRO, rounded up.
    BigInteger croCost =
        new BigInteger(quote.get("gasLimit").asText())
            .multiply(new BigInteger(quote.get("maxFeePerGas").asText()));
    assertThat(
            new BigDecimal(croCost, 18)
                .multiply(new BigDecimal("0.10"))
                .setScale(6, RoundingMode.CEILING))
        .isEqualByComparingTo(base);

    JsonNode metaDocument = quote.at("/typedData/metaTransaction");
    JsonNode paymentDocument = quote.at("/typedData/payment");
    for (JsonNode document : List.of(metaDocument, paymentDocument)) {
      assertThat(document.at("/types/EIP712Domain").isArray()).isTrue();
      assertThat(document.get("primaryType").isTextual()).isTrue();
      assertThat(document.get("domain").isObject()).isTrue();
      assertThat(document.get("message").isObject()).isTrue();
    }
    assertThat(metaDocument.get("primaryType").asText()).isEqualTo("MetaTransaction");
    assertThat(paymentDocument.get("primaryType").asText()).isEqualTo("ReceiveWithAuthorization");
    assertThat(metaDocument.at("/domain/verifyingContract").asText())
        .isEqualTo(forwarder().value());
    assertThat(paymentDocument.at("/domain/name").asText()).isEqualTo("Bridged USDC (Stargate)");
    assertThat(paymentDocument.at("/domain/verifyingContract").asText())
        .isEqualTo(served.network.deployment.usdc().value());
    // What the client asked for, hashed independently, is what the documents hash to.
    MetaTransaction asked =
        new MetaTransaction(
            demoTarget(),
            LocalNetwork.store(42),
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(quote.get("deadline").asLong()));
    Hash32 metaDigest = asked.digest(served.node.forwarder());
    assertThat(digestOf(metaDocument)).isEqualTo(metaDigest);
    assertThat(quote.get("digest").asText()).isEqualTo(metaDigest.hex());
    TransferAuthorization fee3009 =
        new TransferAuthorization(
            user.address(),
            forwarder(),
            new BigInteger(quote.get("amountAtomic").asText()),
            BigInteger.ZERO,
            asked.deadline(),
            metaDigest);
    assertThat(digestOf(paymentDocument)).isEqualTo(fee3009.receiveDigest(served.node.usdc()));
  }

  @Test
  void givenAUserWithUsdcAndNoCro_whenQuotedSignedAndFacilitated_thenTheStep7AnswerAndTheCall() {
    LocalNetwork.User user = LocalNetwork.User.of(102);
    served.network.fund(user.address(), 10);
    BigInteger feesBefore = served.usdcBalance(LocalNetwork.FEE_RECIPIENT);
    JsonNode quote = quote(user, 42);

    JsonNode body = facilitated(signed(user, quote));

    String id = body.get("id").asText();
    assertThat(id).startsWith("r_");
    assertThat(body.get("status").asText()).isEqualTo("confirmed");
    String txHash = body.at("/transaction/txHash").asText();
    assertThat(txHash).matches("0x[0-9a-f]{64}");
    // a local chain: no public explorer shows its transactions, so no link is offered
    assertThat(body.at("/transaction/explorerUrl").isNull()).isTrue();
    assertThat(body.at("/transaction/status").asText()).isEqualTo("confirmed");
    JsonNode receipt = served.receipt(txHash);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("to").asText()).isEqualToIgnoringCase(forwarder().value());
    assertThat(body.at("/transaction/blockNumber").isIntegralNumber()).isTrue();
    assertThat(body.at("/transaction/blockNumber").asLong())
        .isEqualTo(Long.decode(receipt.get("blockNumber").asText()));
    assertThat(body.at("/execution/target").asText()).isEqualTo(demoTarget().value());
    assertThat(body.at("/execution/gasUsed").isIntegralNumber()).isTrue();
    assertThat(body.at("/execution/gasUsed").asLong())
        .isEqualTo(Long.decode(receipt.get("gasUsed").asText()));
    assertThat(body.at("/execution/gasPrice").isTextual()).isTrue();
    assertThat(new BigInteger(body.at("/execution/gasPrice").asText()))
        .isEqualTo(new BigInteger(receipt.get("effectiveGasPrice").asText().substring(2), 16));
    assertThat(body.at("/payment/amount").asText()).isEqualTo(quote.get("amount").asText());
    assertThat(body.at("/payment/currency").asText()).isEqualTo("USDC");
    BigDecimal base = decimal(body.at("/payment/breakdown/baseGasCost"));
    BigDecimal fee = decimal(body.at("/payment/breakdown/facilitatorFee"));
    assertThat(base.add(fee)).isEqualByComparingTo(decimal(body.at("/payment/amount")));
    assertThat(base)
        .isCloseTo(decimal(quote.at("/breakdown/baseGasCost")), within(new BigDecimal("0.000001")));
    // On chain: the target saw the user, the fee moved, the forwarder nonce advanced.
    byte[] sender = served.network.call(demoTarget(), "lastSender()");
    assertThat(Address.of(Arrays.copyOfRange(sender, 12, 32))).isEqualTo(user.address());
    assertThat(new BigInteger(1, served.network.call(demoTarget(), "lastValue()")))
        .isEqualTo(BigInteger.valueOf(42));
    BigInteger charged = new BigInteger(quote.get("amountAtomic").asText());
    assertThat(served.usdcBalance(LocalNetwork.FEE_RECIPIENT)).isEqualTo(feesBefore.add(charged));
    assertThat(served.usdcBalance(user.address()))
        .isEqualTo(BigInteger.valueOf(10_000_000).subtract(charged));
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address()))
        .isEqualTo(BigInteger.ONE);

    HttpJson.Answer record = api.get("/x402/transactions/" + id);
    assertThat(record.status()).isEqualTo(200);
    JsonNode state = record.json();
    assertThat(state.get("id").asText()).isEqualTo(id);
    assertThat(state.get("status").asText()).isEqualTo("confirmed");
    assertThat(state.get("kind").asText()).isEqualTo("meta-transaction");
    assertThat(state.get("payer").asText()).isEqualTo(user.address().value());
    assertThat(state.get("target").asText()).isEqualTo(demoTarget().value());
    assertThat(state.get("nonce").asText()).isEqualTo("0");
    assertThat(state.get("txHash").asText()).isEqualTo(txHash);
    assertThat(state.get("txHashes")).extracting(JsonNode::asText).contains(txHash);
    assertThat(state.at("/receipt/success").asBoolean()).isTrue();
    assertThat(state.at("/receipt/blockNumber").asLong())
        .isEqualTo(body.at("/transaction/blockNumber").asLong());
    assertThat(state.get("history"))
        .extracting(event -> event.get("status").asText())
        .containsExactly("received", "validated", "submitted", "confirmed");

    HttpJson.Answer list =
        api.get("/x402/transactions?user=" + user.address().value().toLowerCase() + "&limit=5");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("transactions")).hasSize(1);
    assertThat(list.json().at("/transactions/0/id").asText()).isEqualTo(id);

    HttpJson.Answer nonce = api.get("/x402/nonce/" + user.address().value().toLowerCase());
    assertThat(nonce.status()).isEqualTo(200);
    assertThat(nonce.json().get("address").asText()).isEqualTo(user.address().value());
    assertThat(nonce.json().get("nonce").asText()).isEqualTo("1");
  }

  @Test
  void givenNoPayment_whenFacilitated_then402WithAQuoteToSignThatThenExecutes() {
    LocalNetwork.User user = LocalNetwork.User.of(103);
    served.network.fund(user.address(), 10);
    MetaTransaction call = call(5, 0, now() + 600);

    HttpJson.Answer required = api.post("/x402/facilitate", unpaid(user, call));

    assertThat(required.status()).as(required.toString()).isEqualTo(402);
    JsonNode body = required.json();
    assertThat(body.get("error").asText()).isEqualTo("payment_required");
    assertThat(body.get("message").asText()).isNotBlank();
    JsonNode quote = body.get("quote");
    assertThat(quote.get("amountAtomic").asText()).matches(INTEGER);
    assertThat(quote.get("digest").asText()).isEqualTo(call.digest(served.node.forwarder()).hex());
    assertThat(quote.get("deadline").asLong()).isEqualTo(call.deadline().longValue());
    assertThat(quote.at("/typedData/payment/primaryType").asText())
        .isEqualTo("ReceiveWithAuthorization");
    // The quote's documents, signed, are a complete paid request.
    JsonNode done = facilitated(signed(user, quote));
    assertThat(done.at("/payment/amountAtomic").asText())
        .isEqualTo(quote.get("amountAtomic").asText());
  }

  @Test
  void givenTheSameSignedRequestTwice_whenFacilitated_thenExecutedOnceAndAnsweredTheSame() {
    LocalNetwork.User user = LocalNetwork.User.of(104);
    served.network.fund(user.address(), 10);
    ObjectNode request = signed(user, quote(user, 7));
    long sentBefore = served.transactionCount(served.node.relayers().get(0));

    JsonNode first = facilitated(request);
    HttpJson.Answer second = api.post("/x402/facilitate", request);

    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(second.json().at("/transaction/txHash").asText())
        .isEqualTo(first.at("/transaction/txHash").asText());
    assertThat(served.transactionCount(served.node.relayers().get(0))).isEqualTo(sentBefore + 1);
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address()))
        .isEqualTo(BigInteger.ONE);
    assertThat(
            api.get("/x402/transactions?user=" + user.address() + "&limit=10")
                .json()
                .get("transactions"))
        .hasSize(1);
  }

  @Test
  void givenADoubleClick_whenTheSameRequestArrivesTwiceAtOnce_thenOneExecutionAndOneId()
      throws Exception {
    LocalNetwork.User user = LocalNetwork.User.of(117);
    served.network.fund(user.address(), 10);
    ObjectNode request = signed(user, quote(user, 17));
    long sentBefore = served.transactionCount(served.node.relayers().get(0));
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<HttpJson.Answer> click =
        () -> {
          start.await();
          return api.post("/x402/facilitate", request);
        };
    ExecutorService clicks = Executors.newFixedThreadPool(2);
    List<HttpJson.Answer> answers = new ArrayList<>();
    try {
      for (var answer : clicks.invokeAll(List.of(click, click))) {
        answers.add(answer.get());
      }
    } finally {
      clicks.shutdown();
    }

    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 202));
    assertThat(answers)
        .extracting(answer -> answer.json().get("id").asText())
        .containsOnly(answers.get(0).json().get("id").asText());
    awaitStatus(answers.get(0).json().get("id").asText(), "confirmed");
    assertThat(served.transactionCount(served.node.relayers().get(0))).isEqualTo(sentBefore + 1);
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address()))
        .isEqualTo(BigInteger.ONE);
  }

  @Test
  void givenCalldataChangedAfterSigning_whenFacilitated_then401InvalidSignature() {
    LocalNetwork.User user = LocalNetwork.User.of(105);
    served.network.fund(user.address(), 10);
    ObjectNode request = signed(user, quote(user, 42));
    request.put("calldata", LocalNetwork.store(43).hex());

    assertError(api.post("/x402/facilitate", request), 401, "invalid_signature");
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address())).isZero();
  }

  @Test
  void givenADeadlineInThePast_whenFacilitated_then410Expired() {
    LocalNetwork.User user = LocalNetwork.User.of(106);

    HttpJson.Answer answer = api.post("/x402/facilitate", unpaid(user, call(5, 0, now() - 60)));

    assertError(answer, 410, "expired");
  }

  @Test
  void givenANonceAlreadyExecuted_whenANewCallIsSignedWithIt_then409NonceMismatch() {
    LocalNetwork.User user = LocalNetwork.User.of(107);
    served.network.fund(user.address(), 10);
    facilitated(signed(user, quote(user, 1)));

    HttpJson.Answer reused = api.post("/x402/facilitate", unpaid(user, call(2, 0, now() + 600)));

    assertError(reused, 409, "nonce_mismatch");
    assertThat(reused.json().at("/details/expected").asText()).isEqualTo("1");
  }

  @Test
  void givenACallTheTargetReverts_whenQuotedOrFacilitated_then422WithTheRevertReason() {
    LocalNetwork.User user = LocalNetwork.User.of(108);
    served.network.fund(user.address(), 10);
    long relayerNonce = served.transactionCount(served.node.relayers().get(0));

    HttpJson.Answer quoted = api.post("/x402/quote", quoteRequest(user, 13));
    MetaTransaction unlucky = call(13, 0, now() + 600);
    Hash32 digest = unlucky.digest(served.node.forwarder());
    TransferAuthorization generous =
        new TransferAuthorization(
            user.address(),
            forwarder(),
            BigInteger.valueOf(1_000_000),
            BigInteger.ZERO,
            unlucky.deadline(),
            digest);
    ObjectNode paid = unpaid(user, unlucky);
    ObjectNode payment = paid.putObject("payment");
    payment
        .putObject("authorization")
        .put("from", user.address().value())
        .put("to", forwarder().value())
        .put("value", "1000000")
        .put("validAfter", "0")
        .put("validBefore", unlucky.deadline().toString())
        .put("nonce", digest.hex());
    payment.put("signature", sign(user, generous.receiveDigest(served.node.usdc())));
    HttpJson.Answer facilitatedPaid = api.post("/x402/facilitate", paid);
    HttpJson.Answer facilitatedUnpaid = api.post("/x402/facilitate", unpaid(user, unlucky));

    for (HttpJson.Answer answer : List.of(quoted, facilitatedPaid, facilitatedUnpaid)) {
      assertError(answer, 422, "simulation_failed");
      assertThat(answer.json().get("message").asText()).contains("UnluckyValue(13)");
      assertThat(answer.json().at("/details/reason").asText()).contains("UnluckyValue(13)");
    }
    assertThat(served.transactionCount(served.node.relayers().get(0))).isEqualTo(relayerNonce);
    assertThat(served.usdcBalance(user.address())).isEqualTo(BigInteger.valueOf(10_000_000));
  }

  @Test
  void givenAUserWithTooLittleUsdc_whenFacilitated_then402InsufficientBalance() {
    LocalNetwork.User user = LocalNetwork.User.of(109);
    JsonNode quote = quote(user, 42);

    HttpJson.Answer answer = api.post("/x402/facilitate", signed(user, quote));

    assertError(answer, 402, "insufficient_balance");
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address())).isZero();
  }

  @Test
  void givenMalformedBodies_whenPosted_then400InvalidRequestNamingTheFields() {
    ObjectNode broken =
        HttpJson.object()
            .put("target", "0x123")
            .put("calldata", "not hex")
            .put("gasLevel", "normal")
            .put("userAddress", LocalNetwork.User.of(110).address().value())
            .put("signature", "0x00")
            .put("deadline", "soon")
            .put("nonce", -1);

    HttpJson.Answer fields = api.post("/x402/facilitate", broken);
    HttpJson.Answer notJson = api.post("/x402/facilitate", "{\"target\": ");
    HttpJson.Answer quoteMissing = api.post("/x402/quote", HttpJson.object().put("gasLevel", "x"));

    assertError(fields, 400, "invalid_request");
    assertThat(fields.json().get("details").properties())
        .extracting(Map.Entry::getKey)
        .contains("target", "calldata", "signature", "deadline", "nonce");
    assertError(notJson, 400, "invalid_request");
    assertError(quoteMissing, 400, "invalid_request");
    assertThat(quoteMissing.json().get("details").has("userAddress")).isTrue();
  }

  @Test
  void givenAnUnknownId_whenLookedUp_then404NotFound() {
    assertError(api.get("/x402/transactions/r_does_not_exist"), 404, "not_found");
    assertError(api.get("/x402/no-such-route"), 404, "not_found");
  }

  @Test
  void givenMoreQuotesForOneAddressThanItsOldSixtyAMinute_whenAsked_thenAllServed() {
    // Quotes name any address unsigned: they count against the caller (IP or API key), never the
    // address, whose budget only work it signed fills (AddressLimitTest: the lockout attack).
    LocalNetwork.User named = LocalNetwork.User.of(111);
    ObjectNode request = quoteRequest(named, 1);
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      statuses.add(api.post("/x402/quote", request).status());
    }

    assertThat(statuses).containsOnly(200);
  }

  @Test
  void givenPreferRespondAsync_whenFacilitated_then202AtOnceAndTheRecordConfirmsLater() {
    LocalNetwork.User user = LocalNetwork.User.of(114);
    served.network.fund(user.address(), 10);

    HttpJson.Answer accepted =
        api.post("/x402/facilitate", signed(user, quote(user, 9)), "Prefer", "respond-async");

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Preference-Applied")).hasValue("respond-async");
    String id = accepted.json().get("id").asText();
    assertThat(id).startsWith("r_");
    assertThat(accepted.json().get("statusUrl").asText()).isEqualTo("/x402/transactions/" + id);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode record = api.get("/x402/transactions/" + id).json();
              assertThat(record.get("status").asText())
                  .as(record.toString())
                  .isEqualTo("confirmed");
            });
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address()))
        .isEqualTo(BigInteger.ONE);
  }

  /**
   * docs/api.md: the next nonce counts "the user's contiguous requests in flight, so pipelined
   * requests can be signed ahead". Mining is paused so the first request is really in flight (as on
   * Cronos, between blocks) when the second is quoted and submitted.
   */
  @Test
  void givenARequestInFlight_whenTheNextNonceIsQuotedSignedAndSubmitted_thenBothExecuteInOrder() {
    LocalNetwork.User user = LocalNetwork.User.of(116);
    served.network.fund(user.address(), 10);
    HttpJson.Answer first;
    JsonNode secondQuote;
    HttpJson.Answer second;
    served.network.rpc("evm_setAutomine", "[false]");
    try {
      first =
          api.post("/x402/facilitate", signed(user, quote(user, 21)), "Prefer", "respond-async");
      awaitStatus(first.json().get("id").asText(), "submitted");
      secondQuote = quote(user, 22);
      second = api.post("/x402/facilitate", signed(user, secondQuote), "Prefer", "respond-async");
    } finally {
      served.network.rpc("evm_setAutomine", "[true]");
      served.network.rpc("evm_mine", "[]");
    }

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(secondQuote.get("nonce").asText()).isEqualTo("1");
    assertThat(second.status()).as(second.toString()).isEqualTo(202);
    assertThat(awaitStatus(first.json().get("id").asText(), "confirmed")).isEqualTo("confirmed");
    assertThat(awaitStatus(second.json().get("id").asText(), "confirmed")).isEqualTo("confirmed");
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address()))
        .isEqualTo(BigInteger.TWO);
    assertThat(new BigInteger(1, served.network.call(demoTarget(), "lastValue()")))
        .isEqualTo(BigInteger.valueOf(22));
  }

  /** The record's status once it is {@code status} or final (bounded: 10 s). */
  private static String awaitStatus(String id, String status) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> api.get("/x402/transactions/" + id).json().get("status").asText(),
            current -> current.equals(status) || FINAL.contains(current));
  }

  @Test
  void givenOtherRefusals_whenPosted_then403Forbidden409DuplicateAnd413PayloadTooLarge() {
    LocalNetwork.User user = LocalNetwork.User.of(115);
    served.network.fund(user.address(), 10);
    MetaTransaction toToken =
        new MetaTransaction(
            served.network.deployment.usdc(),
            LocalNetwork.store(1),
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(now() + 600));
    ObjectNode first = signed(user, quote(user, 3));
    facilitated(first);
    // The same signed call with another fee authorization (one unit more, signed anew).
    ObjectNode other = first.deepCopy();
    JsonNode authorization = first.at("/payment/authorization");
    BigInteger more = new BigInteger(authorization.get("value").asText()).add(BigInteger.ONE);
    ((ObjectNode) other.at("/payment/authorization")).put("value", more.toString());
    TransferAuthorization changed =
        new TransferAuthorization(
            user.address(),
            forwarder(),
            more,
            BigInteger.ZERO,
            new BigInteger(authorization.get("validBefore").asText()),
            new Hash32(authorization.get("nonce").asText()));
    ((ObjectNode) other.get("payment"))
        .put("signature", sign(user, changed.receiveDigest(served.node.usdc())));

    HttpJson.Answer forbidden = api.post("/x402/facilitate", unpaid(user, toToken));
    HttpJson.Answer duplicate = api.post("/x402/facilitate", other);
    HttpJson.Answer tooLarge =
        api.post("/x402/quote", "{\"pad\": \"" + "x".repeat(70 * 1024) + "\"}");

    assertError(forbidden, 403, "forbidden");
    assertError(duplicate, 409, "duplicate");
    assertError(tooLarge, 413, "payload_too_large");
    assertThat(NodeInternals.chain(served.node).forwarderNonce(user.address()))
        .isEqualTo(BigInteger.ONE);
  }

  @Test
  void givenTheDevFaucet_whenUsdcIsRequested_thenItIsMintedAndTheTxHashReturned() {
    Address user = LocalNetwork.User.of(113).address();
    BigInteger before = served.usdcBalance(user);

    HttpJson.Answer answer =
        api.post("/faucet/usdc", HttpJson.object().put("address", user.value()).put("amount", "5"));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("address").asText()).isEqualTo(user.value());
    assertThat(body.get("amount").asText()).isEqualTo("5.000000");
    assertThat(body.get("amountAtomic").asText()).isEqualTo("5000000");
    assertThat(served.receipt(body.get("txHash").asText()).get("status").asText()).isEqualTo("0x1");
    assertThat(served.usdcBalance(user)).isEqualTo(before.add(BigInteger.valueOf(5_000_000)));
    // Above the configured maximum: refused; then three mints an hour per recipient.
    assertError(
        api.post(
            "/faucet/usdc", HttpJson.object().put("address", user.value()).put("amount", "5000")),
        400,
        "invalid_request");
    HttpJson.Answer defaultAmount =
        api.post("/faucet/usdc", HttpJson.object().put("address", user.value()));
    assertThat(defaultAmount.json().get("amount").asText()).isEqualTo("100.000000");
    // Three mints an hour, a token bucket: the clock stands still, so the 4th is refused until
    // the bucket refills one, in 20 minutes.
    int minted = 2;
    HttpJson.Answer next = api.post("/faucet/usdc", HttpJson.object().put("address", user.value()));
    while (next.status() == 200 && minted < 7) {
      minted++;
      next = api.post("/faucet/usdc", HttpJson.object().put("address", user.value()));
    }
    assertThat(minted).isEqualTo(3);
    assertError(next, 429, "rate_limited");
    assertThat(next.headers().firstValue("Retry-After"))
        .hasValue(Long.toString(Duration.ofMinutes(20).toSeconds()));
  }
}
