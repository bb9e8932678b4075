package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.eip712.TypedDataJson;
import io.crogas.testfixtures.FakeEngine;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.SequentialIds;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayRoutesTest {
  private final ApiHarness harness = new ApiHarness();
  private final Fixture fixture = harness.fixture;

  @AfterEach
  void stop() {
    harness.close();
  }

  private ObjectNode quoteRequest() {
    return quoteRequest(fixture);
  }

  static ObjectNode quoteRequest(Fixture fixture) {
    return Json.object()
        .put("userAddress", fixture.user.address().value())
        .put("target", Fixture.TARGET.value())
        .put("calldata", Fixture.CALL.hex())
        .put("gasLevel", "normal");
  }

  private JsonNode quote() {
    HttpResponse<String> response = harness.post("/x402/quote", quoteRequest());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** The seed's body for {@code call}, signed by the user, with the fee authorization if given. */
  static ObjectNode facilitateBody(RelayRequest request) {
    MetaTransaction call = request.metaTransaction();
    ObjectNode body =
        Json.object()
            .put("target", call.target().value())
            .put("calldata", call.calldata().hex())
            .put("gasLevel", call.gasLevel())
            .put("userAddress", request.user().value())
            .put("signature", request.signature().hex())
            .put("deadline", call.deadline())
            .put("nonce", call.nonce().toString());
    request
        .payment()
        .ifPresent(
            payment -> {
              TransferAuthorization a = payment.authorization();
              ObjectNode p = body.putObject("payment");
              p.putObject("authorization")
                  .put("from", a.from().value())
                  .put("to", a.to().value())
                  .put("value", a.value().toString())
                  .put("validAfter", a.validAfter().toString())
                  .put("validBefore", a.validBefore().toString())
                  .put("nonce", a.nonce().hex());
              p.put("signature", payment.signature().hex());
            });
    return body;
  }

  /** Signs what the quote's two typed-data documents describe, as a wallet would. */
  private RelayRequest signedFromQuote(JsonNode quote) {
    return signedFromQuote(fixture, quote);
  }

  static RelayRequest signedFromQuote(Fixture fixture, JsonNode quote) {
    MetaTransaction call =
        new MetaTransaction(
            Fixture.TARGET,
            Fixture.CALL,
            quote.get("gasLevel").asText(),
            new BigInteger(quote.get("nonce").asText()),
            BigInteger.valueOf(quote.get("deadline").asLong()));
    TransferAuthorization fee =
        new TransferAuthorization(
            fixture.user.address(),
            Fixture.FORWARDER,
            new BigInteger(quote.get("amountAtomic").asText()),
            BigInteger.ZERO,
            call.deadline(),
            call.digest(fixture.forwarder));
    return fixture.paid(call, fee);
  }

  @Test
  void givenACall_whenQuoted_thenEveryFieldAndBothTypedDataDocumentsAreThere() {
    JsonNode quote = quote();

    assertThat(quote.get("quoteId").asText()).isEqualTo("q_" + SequentialIds.nth(1));
    assertThat(quote.get("chainId").asLong()).isEqualTo(338);
    assertThat(quote.get("forwarder").asText()).isEqualTo(Fixture.FORWARDER.value());
    assertThat(quote.get("userAddress").asText()).isEqualTo(fixture.user.address().value());
    assertThat(quote.get("target").asText()).isEqualTo(Fixture.TARGET.value());
    assertThat(quote.get("gasLevel").asText()).isEqualTo("normal");
    assertThat(quote.get("nonce").asText()).isEqualTo("0");
    assertThat(quote.get("deadline").isIntegralNumber()).isTrue();
    assertThat(quote.get("gasLimit").asText()).matches("[0-9]+");
    assertThat(quote.get("maxFeePerGas").asText()).matches("[0-9]+");
    assertThat(quote.get("croUsd").asText()).isEqualTo("0.10");
    assertThat(quote.get("priceSource").asText()).isEqualTo("test");
    assertThat(quote.get("amount").asText()).matches("[0-9]+\\.[0-9]{6}");
    assertThat(quote.get("amountAtomic").asText()).matches("[0-9]+");
    assertThat(quote.get("currency").asText()).isEqualTo("USDC");
    assertThat(quote.at("/breakdown/baseGasCost").asText()).matches("[0-9]+\\.[0-9]{6}");
    assertThat(quote.at("/breakdown/facilitatorFee").asText()).matches("[0-9]+\\.[0-9]{6}");
    assertThat(quote.get("expiresAt").asLong()).isGreaterThan(fixture.now());
    JsonNode meta = quote.at("/typedData/metaTransaction");
    assertThat(meta.get("primaryType").asText()).isEqualTo("MetaTransaction");
    assertThat(meta.at("/types/EIP712Domain").isArray()).isTrue();
    assertThat(meta.at("/domain/verifyingContract").asText()).isEqualTo(Fixture.FORWARDER.value());
    JsonNode payment = quote.at("/typedData/payment");
    assertThat(payment.get("primaryType").asText()).isEqualTo("ReceiveWithAuthorization");
    assertThat(payment.at("/message/value").asText()).isEqualTo(quote.get("amountAtomic").asText());
    assertThat(payment.at("/message/to").asText()).isEqualTo(Fixture.FORWARDER.value());
    // The documents are complete: the EIP-712 library reads them back.
    assertThat(TypedDataJson.parse(meta.toString()).primaryType()).isEqualTo("MetaTransaction");
    assertThat(TypedDataJson.parse(payment.toString()).domain().name()).isEqualTo("USD Coin");
  }

  @Test
  void givenAQuoteSigned_whenFacilitated_thenTheSeedsStep7AnswerComesBack() {
    RelayRequest signed = signedFromQuote(quote());

    HttpResponse<String> response = harness.post("/x402/facilitate", facilitateBody(signed));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    // The quote took the first id; the signed quote is honoured, so no second quote is issued.
    assertThat(body.get("id").asText()).isEqualTo("r_" + SequentialIds.nth(2));
    assertThat(body.get("success").asBoolean()).isTrue();
    String txHash = body.at("/transaction/txHash").asText();
    assertThat(txHash).hasSize(66);
    assertThat(body.at("/transaction/explorerUrl").asText())
        .isEqualTo(ApiHarness.EXPLORER + txHash);
    assertThat(body.at("/transaction/status").asText()).isEqualTo("confirmed");
    assertThat(body.at("/transaction/blockNumber").asLong()).isEqualTo(100);
    assertThat(body.at("/execution/target").asText()).isEqualTo(Fixture.TARGET.value());
    assertThat(body.at("/execution/gasUsed").asLong()).isEqualTo(120_000);
    assertThat(body.at("/execution/gasPrice").asText()).isEqualTo("5000000000000");
    assertThat(body.at("/payment/currency").asText()).isEqualTo("USDC");
    assertThat(body.at("/payment/amountAtomic").asText())
        .isEqualTo(signed.payment().orElseThrow().authorization().value().toString());
    assertThat(body.at("/payment/breakdown/baseGasCost").asText()).matches("[0-9]+\\.[0-9]{6}");
    assertThat(body.at("/payment/breakdown/facilitatorFee").asText()).matches("[0-9]+\\.[0-9]{6}");
  }

  @Test
  void givenTheSameSignedRequestTwice_whenFacilitated_thenTheSecondAnswersTheFirstResult() {
    ObjectNode body = facilitateBody(signedFromQuote(quote()));

    JsonNode first = json(harness.post("/x402/facilitate", body));
    HttpResponse<String> second = harness.post("/x402/facilitate", body);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(json(second).at("/transaction/txHash")).isEqualTo(first.at("/transaction/txHash"));
    assertThat(fixture.engine.executed).hasSize(1);
  }

  @Test
  void givenPreferRespondAsync_whenFacilitated_then202WithTheIdAtOnce() {
    fixture.engine.mode = FakeEngine.Mode.HOLD;

    HttpResponse<String> response =
        harness.post(
            "/x402/facilitate",
            facilitateBody(signedFromQuote(quote())),
            "Prefer",
            "respond-async");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Preference-Applied")).hasValue("respond-async");
    JsonNode body = json(response);
    assertThat(body.get("id").asText()).startsWith("r_");
    assertThat(body.get("status").asText()).isIn("validated", "submitted");
  }

  @Test
  void givenTheChainIsSlow_whenFacilitateWaitRunsOut_then202WithTheTransactionToFollow() {
    ApiHarness quick = new ApiHarness(s -> with(s, s.explorerTxUrl(), Duration.ofMillis(200)));
    try {
      quick.fixture.engine.mode = FakeEngine.Mode.HOLD;
      RelayRequest request = quick.fixture.unpaid(quick.fixture.call(0));
      JsonNode required = json(quick.post("/x402/facilitate", facilitateBody(request)));
      RelayRequest paid =
          quick.fixture.paid(
              request.metaTransaction(),
              authorizationFor(quick.fixture, request, required.get("quote")));

      HttpResponse<String> response = quick.post("/x402/facilitate", facilitateBody(paid));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      assertThat(json(response).get("status").asText()).isEqualTo("submitted");
      assertThat(json(response).get("txHash").asText()).hasSize(66);
    } finally {
      quick.close();
    }
  }

  private static TransferAuthorization authorizationFor(
      Fixture fixture, RelayRequest request, JsonNode quote) {
    MetaTransaction call = request.metaTransaction();
    return new TransferAuthorization(
        fixture.user.address(),
        Fixture.FORWARDER,
        new BigInteger(quote.get("amountAtomic").asText()),
        BigInteger.ZERO,
        call.deadline(),
        call.digest(fixture.forwarder));
  }

  private static ApiSettings with(ApiSettings s, Optional<String> explorer, Duration wait) {
    return new ApiSettings(
        s.chainId(),
        s.forwarder(),
        s.usdc(),
        s.signers(),
        explorer,
        wait,
        s.facilitatorFeeBps(),
        s.maxBodyBytes(),
        s.corsOrigins(),
        s.access(),
        s.faucet());
  }

  @Test
  void givenAChainNoExplorerShows_whenFacilitated_thenTheAnswerLinksNoExplorer() {
    try (ApiHarness local = new ApiHarness(s -> with(s, Optional.empty(), s.facilitateWait()))) {
      RelayRequest request = local.fixture.unpaid(local.fixture.call(0));
      JsonNode required = json(local.post("/x402/facilitate", facilitateBody(request)));
      RelayRequest signed =
          local.fixture.paid(
              request.metaTransaction(),
              authorizationFor(local.fixture, request, required.get("quote")));

      HttpResponse<String> response = local.post("/x402/facilitate", facilitateBody(signed));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(json(response).at("/transaction/txHash").asText()).hasSize(66);
      assertThat(json(response).at("/transaction/explorerUrl").isNull()).isTrue();
    }
  }

  @Test
  void givenNoPayment_whenFacilitated_then402WithAFreshQuote() {
    HttpResponse<String> response =
        harness.post("/x402/facilitate", facilitateBody(fixture.unpaid(fixture.call(0))));

    assertThat(response.statusCode()).isEqualTo(402);
    JsonNode body = json(response);
    assertThat(body.get("error").asText()).isEqualTo("payment_required");
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.at("/quote/typedData/payment/primaryType").asText())
        .isEqualTo("ReceiveWithAuthorization");
  }

  @Test
  void givenTooLowAPayment_whenFacilitated_then402WithAQuote() {
    RelayRequest request = fixture.unpaid(fixture.call(0));
    MetaTransaction call = request.metaTransaction();
    TransferAuthorization tooLow =
        new TransferAuthorization(
            fixture.user.address(),
            Fixture.FORWARDER,
            BigInteger.ONE,
            BigInteger.ZERO,
            call.deadline(),
            call.digest(fixture.forwarder));

    HttpResponse<String> response =
        harness.post("/x402/facilitate", facilitateBody(fixture.paid(call, tooLow)));

    assertThat(response.statusCode()).isEqualTo(402);
    assertThat(json(response).get("error").asText()).isEqualTo("payment_required");
    assertThat(json(response).get("quote").get("amountAtomic").asText()).isNotEqualTo("1");
  }

  @Test
  void givenEachRefusal_whenFacilitated_thenItsStatusAndCode() {
    MetaTransaction expired =
        new MetaTransaction(
            Fixture.TARGET,
            Fixture.CALL,
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(fixture.now() - 1));
    assertError(
        harness.post("/x402/facilitate", facilitateBody(fixture.unpaid(expired))), 410, "expired");

    RelayRequest forged =
        new RelayRequest(
            fixture.user.address(), fixture.call(0),
            Keys.of(99).sign(fixture.call(0).digest(fixture.forwarder)),
                java.util.Optional.empty());
    assertError(harness.post("/x402/facilitate", facilitateBody(forged)), 401, "invalid_signature");

    assertError(
        harness.post("/x402/facilitate", facilitateBody(fixture.unpaid(fixture.call(5)))),
        409,
        "nonce_mismatch");

    MetaTransaction toForwarder =
        new MetaTransaction(
            Fixture.FORWARDER,
            Fixture.CALL,
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(fixture.now() + 600));
    assertError(
        harness.post("/x402/facilitate", facilitateBody(fixture.unpaid(toForwarder))),
        403,
        "forbidden");

    fixture.chain.callRevert = java.util.Optional.of("UnluckyValue(13)");
    HttpResponse<String> reverted =
        harness.post("/x402/facilitate", facilitateBody(fixture.unpaid(fixture.call(0))));
    assertError(reverted, 422, "simulation_failed");
    assertThat(json(reverted).at("/details/reason").asText()).isEqualTo("UnluckyValue(13)");
  }

  @Test
  void givenAnAddressWhoseCallRevertedOnChain_whenItFacilitatesAgain_then429WithRetryAfter() {
    RelayRecord attack =
        StoreSamples.accepted(
            "r_attack", StoreSamples.forwarderCall(fixture.user, 50), fixture.clock.instant());
    fixture.journal.admit(attack);
    RelayRecord sent =
        StoreSamples.submitted(attack, StoreSamples.hash(1), fixture.clock.instant());
    fixture.journal.update(sent);
    fixture.journal.update(StoreSamples.confirmed(sent, false, fixture.clock.instant()));

    HttpResponse<String> response =
        harness.post("/x402/facilitate", facilitateBody(signedFromQuote(quote())));

    assertError(response, 429, "rate_limited");
    assertThat(response.headers().firstValue("Retry-After")).contains("300");
  }

  @Test
  void givenAPaymentAboveTheBalance_whenFacilitated_then402InsufficientBalance() {
    JsonNode quote = quote();
    fixture.chain.setTokenBalance(Fixture.USDC, fixture.user.address(), 0);

    HttpResponse<String> response =
        harness.post("/x402/facilitate", facilitateBody(signedFromQuote(quote)));

    assertError(response, 402, "insufficient_balance");
  }

  @Test
  void givenAFirstPaymentAccepted_whenAnotherPaymentIsSentForTheSameCall_then409Duplicate() {
    JsonNode quote = quote();
    RelayRequest first = signedFromQuote(quote);
    harness.post("/x402/facilitate", facilitateBody(first));
    MetaTransaction call = first.metaTransaction();
    TransferAuthorization more =
        new TransferAuthorization(
            fixture.user.address(),
            Fixture.FORWARDER,
            first.payment().orElseThrow().authorization().value().add(BigInteger.ONE),
            BigInteger.ZERO,
            call.deadline(),
            call.digest(fixture.forwarder));

    assertError(
        harness.post("/x402/facilitate", facilitateBody(fixture.paid(call, more))),
        409,
        "duplicate");
  }

  @Test
  void givenNoPrice_whenQuoted_then503Unavailable() {
    fixture.price = java.util.Optional.empty();

    assertError(harness.post("/x402/quote", quoteRequest()), 503, "unavailable");
  }

  @Test
  void givenAnExecution_whenItsIdIsLookedUp_thenStateAndHistoryAreThere() {
    String id =
        json(harness.post("/x402/facilitate", facilitateBody(signedFromQuote(quote()))))
            .get("id")
            .asText();

    HttpResponse<String> response = harness.get("/x402/transactions/" + id);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("confirmed");
    assertThat(body.get("kind").asText()).isEqualTo("meta-transaction");
    assertThat(body.get("payer").asText()).isEqualTo(fixture.user.address().value());
    assertThat(body.get("history"))
        .extracting(event -> event.get("status").asText())
        .containsExactly("received", "validated", "submitted", "confirmed");
    assertThat(body.at("/receipt/blockNumber").asLong()).isEqualTo(100);

    JsonNode list =
        json(harness.get("/x402/transactions?user=" + fixture.user.address() + "&limit=5"));
    assertThat(list.get("transactions")).hasSize(1);
    assertThat(list.at("/transactions/0/id").asText()).isEqualTo(id);
    assertThat(json(harness.get("/x402/transactions?limit=5")).get("transactions")).hasSize(1);
  }

  @Test
  void givenAnUnknownId_whenLookedUp_then404() {
    assertError(harness.get("/x402/transactions/r_nothing"), 404, "not_found");
    assertError(harness.get("/x402/transactions?limit=0"), 400, "invalid_request");
    assertError(harness.get("/x402/transactions?user=0x123"), 400, "invalid_request");
  }

  @Test
  void givenAUser_whenTheNonceIsAsked_thenTheNextOneCountsRequestsInFlight() {
    fixture.chain.forwarderNonces.put(fixture.user.address(), BigInteger.valueOf(7));

    JsonNode body =
        json(harness.get("/x402/nonce/" + fixture.user.address().value().toLowerCase()));

    assertThat(body.get("address").asText()).isEqualTo(fixture.user.address().value());
    assertThat(body.get("nonce").asText()).isEqualTo("7");
    assertError(harness.get("/x402/nonce/0xnothex"), 400, "invalid_request");
  }

  static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.get("details").isObject()).isTrue();
  }
}
