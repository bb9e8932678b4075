package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.http.X402Payments.Payment;
import io.crogas.testfixtures.FakeEngine;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.SequentialIds;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FacilitatorRoutesTest {
  private static final Address PAY_TO = X402Payments.PAY_TO;

  private final ApiHarness harness = new ApiHarness();
  private final Fixture fixture = harness.fixture;

  @AfterEach
  void stop() {
    harness.close();
  }

  /** A payer's signed EIP-3009 transfer of {@code value} to {@link #PAY_TO}. */
  private Payment payment(long value, Keys signer) {
    return X402Payments.payment(fixture, value, signer);
  }

  private Payment payment(long value) {
    return payment(value, fixture.user);
  }

  /** The request body for {@code payment} in {@code format}. */
  private ObjectNode body(X402Format format, Payment payment, long required) {
    return X402Payments.body(format, payment, required);
  }

  @ParameterizedTest
  @EnumSource(X402Format.class)
  void givenAValidPayment_whenVerified_thenValidWithThePayer(X402Format format) {
    HttpResponse<String> response = harness.post("/x402/verify", body(format, payment(1000), 1000));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("isValid").asBoolean()).isTrue();
    assertThat(body.get("payer").asText()).isEqualTo(fixture.user.address().value());
  }

  @ParameterizedTest
  @EnumSource(X402Format.class)
  void givenAForgedSignature_whenVerified_thenInvalidWithTheVersionsReason(X402Format format) {
    HttpResponse<String> response =
        harness.post("/x402/verify", body(format, payment(1000, Keys.of(77)), 1000));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("isValid").asBoolean()).isFalse();
    assertThat(body.get("invalidReason").asText())
        .isEqualTo(
            format == X402Format.V2
                ? "invalid_exact_evm_signature"
                : "invalid_exact_evm_payload_signature");
  }

  @ParameterizedTest
  @EnumSource(
      value = X402Format.class,
      names = {"V2", "V1"})
  void givenAValidPayment_whenSettled_thenTheTransactionAndNetwork(X402Format format) {
    HttpResponse<String> response = harness.post("/x402/settle", body(format, payment(1000), 1000));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("transaction").asText()).hasSize(66);
    assertThat(body.get("network").asText())
        .isEqualTo(format == X402Format.V2 ? "eip155:338" : "cronos-testnet");
    assertThat(body.get("payer").asText()).isEqualTo(fixture.user.address().value());
  }

  @Test
  void givenTheCronosFormat_whenSettled_thenAPaymentSettledEvent() {
    Payment payment = payment(1000);

    JsonNode body = json(harness.post("/x402/settle", body(X402Format.CRONOS, payment, 1000)));

    assertThat(body.get("x402Version").asInt()).isEqualTo(1);
    assertThat(body.get("event").asText()).isEqualTo("payment.settled");
    assertThat(body.get("txHash").asText()).hasSize(66);
    assertThat(body.get("from").asText()).isEqualTo(fixture.user.address().value());
    assertThat(body.get("to").asText()).isEqualTo(PAY_TO.value());
    assertThat(body.get("value").asText()).isEqualTo("1000");
    assertThat(body.get("blockNumber").asLong()).isEqualTo(100);
    assertThat(body.get("network").asText()).isEqualTo("cronos-testnet");
    assertThat(body.get("timestamp").asText()).startsWith("2026-11-24T12:00");
  }

  @ParameterizedTest
  @EnumSource(X402Format.class)
  void givenASettledPayment_whenSettledAgainOrVerified_thenDuplicateWithTheHashAndNonceAlreadyUsed(
      X402Format format) {
    Payment payment = payment(1000);
    ObjectNode request = body(format, payment, 1000);
    JsonNode first = json(harness.post("/x402/settle", request));
    // The chain now records the authorization as used, as the token contract would.
    fixture.chain.useAuthorization(
        Fixture.USDC, payment.authorization().from(), payment.authorization().nonce());

    JsonNode retry = json(harness.post("/x402/settle", request));
    JsonNode verify = json(harness.post("/x402/verify", request));

    String tx = format == X402Format.CRONOS ? "txHash" : "transaction";
    assertThat(retry.get(tx).asText()).isEqualTo(first.get(tx).asText());
    assertThat(retry.get("errorReason").asText()).isEqualTo("duplicate_settlement");
    if (format == X402Format.CRONOS) {
      assertThat(retry.get("event").asText()).isEqualTo("payment.failed");
      assertThat(retry.get("error").asText()).isEqualTo("Authorization already used");
    } else {
      assertThat(retry.get("success").asBoolean()).isFalse();
    }
    assertThat(fixture.engine.executed).hasSize(1);
    assertThat(verify.get("isValid").asBoolean()).isFalse();
    assertThat(verify.get("invalidReason").asText())
        .isEqualTo("invalid_exact_evm_nonce_already_used");
  }

  @ParameterizedTest
  @EnumSource(X402Format.class)
  void givenASlowChain_whenSettled_thenPendingWithTheTransactionNeverAPlainFailure(
      X402Format format) {
    fixture.engine.mode = FakeEngine.Mode.HOLD;

    JsonNode body = json(harness.post("/x402/settle", body(format, payment(1000), 1000)));

    if (format == X402Format.CRONOS) {
      assertThat(body.get("event").asText()).isEqualTo("payment.pending");
      assertThat(body.get("txHash").asText()).hasSize(66);
    } else {
      assertThat(body.get("success").asBoolean()).isFalse();
      assertThat(body.get("errorReason").asText()).isEqualTo("settlement_pending");
      assertThat(body.get("transaction").asText()).hasSize(66);
    }
    assertThat(body.get("id").asText()).isEqualTo("s_" + SequentialIds.nth(1));
  }

  @ParameterizedTest
  @EnumSource(X402Format.class)
  void givenAnInvalidPayment_whenSettled_thenAFailureShapedForTheFormat(X402Format format) {
    JsonNode body = json(harness.post("/x402/settle", body(format, payment(999), 1000)));

    if (format == X402Format.CRONOS) {
      assertThat(body.get("event").asText()).isEqualTo("payment.failed");
      assertThat(body.get("error").asText()).isNotBlank();
      assertThat(body.get("errorReason").asText())
          .isEqualTo("invalid_exact_evm_payload_authorization_value");
    } else {
      assertThat(body.get("success").asBoolean()).isFalse();
      assertThat(body.get("errorReason").asText())
          .isEqualTo(
              format == X402Format.V2
                  ? "invalid_exact_evm_authorization_value"
                  : "invalid_exact_evm_payload_authorization_value");
      assertThat(body.get("transaction").asText()).isEmpty();
    }
  }

  @Test
  void givenThisChain_whenSupportedIsAsked_thenV2AndV1KindsAndTheSigners() {
    JsonNode body = json(harness.get("/x402/supported"));

    assertThat(body.at("/kinds/0/x402Version").asInt()).isEqualTo(2);
    assertThat(body.at("/kinds/0/scheme").asText()).isEqualTo("exact");
    assertThat(body.at("/kinds/0/network").asText()).isEqualTo("eip155:338");
    assertThat(body.at("/kinds/1/x402Version").asInt()).isEqualTo(1);
    assertThat(body.at("/kinds/1/network").asText()).isEqualTo("cronos-testnet");
    assertThat(body.get("extensions").isArray()).isTrue();
    assertThat(body.at("/signers/eip155:*/0").asText()).isEqualTo(Fixture.RELAYER.value());
  }

  /** A structurally broken payment inside a readable request, per format (issue #8). */
  static Stream<Arguments> brokenPayments() {
    return Stream.of(
        Arguments.of(
            X402Format.V2,
            "no authorization.nonce",
            "/paymentPayload/payload/authorization/nonce",
            null),
        Arguments.of(
            X402Format.V2, "a 2-byte signature", "/paymentPayload/payload/signature", "0x1234"),
        Arguments.of(
            X402Format.V2,
            "a value that is no number",
            "/paymentPayload/payload/authorization/value",
            "lots"),
        Arguments.of(X402Format.V2, "a payload that is no object", "/paymentPayload/payload", "x"),
        Arguments.of(X402Format.V2, "x402Version 3", "/paymentPayload/x402Version", "3"),
        Arguments.of(
            X402Format.V1,
            "no authorization.from",
            "/paymentPayload/payload/authorization/from",
            null),
        Arguments.of(
            X402Format.V1, "a 2-byte signature", "/paymentPayload/payload/signature", "0x1234"),
        Arguments.of(X402Format.V1, "no scheme", "/paymentPayload/scheme", null),
        Arguments.of(X402Format.CRONOS, "a header that is not base64", "/paymentHeader", "%%%"),
        Arguments.of(
            X402Format.CRONOS, "a header that is not JSON", "/paymentHeader", "bm90IGpzb24="),
        Arguments.of(
            X402Format.CRONOS, "a header that is an empty object", "/paymentHeader", "e30="),
        Arguments.of(
            X402Format.CRONOS, "a header with no signature", "header:/payload/signature", null),
        Arguments.of(
            X402Format.CRONOS,
            "a header with a 2-byte signature",
            "header:/payload/signature",
            "0x1234"),
        Arguments.of(
            X402Format.CRONOS,
            "a header without validBefore",
            "header:/payload/validBefore",
            null));
  }

  /** {@code body} with the member at {@code pointer} set to {@code value} (removed if null). */
  private static ObjectNode broken(ObjectNode body, String pointer, String value) {
    if (pointer.startsWith("header:")) {
      ObjectNode header =
          (ObjectNode)
              parse(
                  new String(
                      Base64.getDecoder().decode(body.get("paymentHeader").asText()),
                      StandardCharsets.UTF_8));
      set(header, pointer.substring("header:".length()), value);
      body.put(
          "paymentHeader",
          Base64.getEncoder().encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)));
      return body;
    }
    set(body, pointer, value);
    return body;
  }

  private static void set(ObjectNode root, String pointer, String value) {
    int slash = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) root.at(pointer.substring(0, slash));
    String name = pointer.substring(slash + 1);
    if (value == null) {
      parent.remove(name);
    } else if (value.matches("[0-9]+")) {
      parent.put(name, Integer.parseInt(value));
    } else {
      parent.put(name, value);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenPayments")
  void givenAReadableRequestWithABrokenPayment_whenVerifiedAndSettled_then200InvalidPayload(
      X402Format format, String what, String pointer, String value) {
    ObjectNode request = broken(body(format, payment(1000), 1000), pointer, value);

    HttpResponse<String> verified = harness.post("/x402/verify", request);
    HttpResponse<String> settled = harness.post("/x402/settle", request);

    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    JsonNode verdict = json(verified);
    assertThat(verdict.get("isValid").asBoolean()).isFalse();
    assertThat(verdict.get("invalidReason").asText()).isEqualTo("invalid_payload");
    assertThat(verdict.get("invalidMessage").asText()).isNotBlank();
    assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
    JsonNode body = json(settled);
    assertThat(body.get("errorReason").asText()).isEqualTo("invalid_payload");
    if (format == X402Format.CRONOS) {
      assertThat(body.get("event").asText()).isEqualTo("payment.failed");
      assertThat(body.get("error").asText()).isNotBlank();
      assertThat(body.get("x402Version").asInt()).isEqualTo(1);
    } else {
      assertThat(body.get("success").asBoolean()).isFalse();
      assertThat(body.get("transaction").asText()).isEmpty();
      assertThat(body.get("network").asText())
          .isEqualTo(format == X402Format.V2 ? "eip155:338" : "cronos-testnet");
    }
    assertThat(fixture.engine.executed).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(X402Format.class)
  void givenARequestWithoutItsPaymentOrRequirements_whenVerifiedOrSettled_then400(
      X402Format format) {
    ObjectNode noRequirements = body(format, payment(1000), 1000);
    noRequirements.remove("paymentRequirements");
    ObjectNode noPayment = body(format, payment(1000), 1000);
    noPayment.remove(format == X402Format.CRONOS ? "paymentHeader" : "paymentPayload");

    for (String path : List.of("/x402/verify", "/x402/settle")) {
      RelayRoutesTest.assertError(harness.post(path, noRequirements), 400, "invalid_request");
      RelayRoutesTest.assertError(harness.post(path, noPayment), 400, "invalid_request");
    }
    assertThat(fixture.engine.executed).isEmpty();
  }

  /**
   * Issue #9 item 10: a failure text journaled with a path, an RPC URL and a stack frame in it (as
   * the engine wrote them before) reaches no answer.
   */
  @Test
  void givenAFailureTextWithAPathAndAnRpcUrl_whenTheRecordIsRead_thenNeitherIsShown() {
    fixture.engine.mode = FakeEngine.Mode.HOLD;
    String id =
        json(harness.post("/x402/settle", body(X402Format.V2, payment(1000), 1000)))
            .get("id")
            .asText();
    io.crogas.domain.model.RelayRecord held = fixture.journal.find(id).orElseThrow();
    io.crogas.domain.model.RelayRecord.Step failed =
        held.failed(
            "internal error: java.io.IOException: /srv/crogas/crogas.db locked; sending to"
                + " https://rpc.example/v1/KEY-s3cr3t failed\n\tat io.crogas.X.y(X.java:1)",
            fixture.clock.instant());
    fixture.journal.update(((io.crogas.domain.model.RelayRecord.Step.Moved) failed).record());

    HttpResponse<String> one = harness.get("/x402/transactions/" + id);
    HttpResponse<String> list = harness.get("/x402/transactions?limit=5");

    for (HttpResponse<String> answer : List.of(one, list)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .contains("internal error")
          .doesNotContain("KEY-s3cr3t")
          .doesNotContain("/srv/crogas")
          .doesNotContain("X.java")
          .doesNotContain("IOException");
    }
  }
}
