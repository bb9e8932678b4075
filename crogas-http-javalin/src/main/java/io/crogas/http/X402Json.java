package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.VerifyPaymentUseCase.VerifyOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * Verify and settle answers, each in the shape of the request's {@link X402Format}: the x402
 * reference's {@code VerifyResponse}/{@code SettleResponse} for v1 and v2, the Cronos Labs
 * facilitator's {@code isValid}/{@code payment.*} events for its format.
 */
final class X402Json {
  /** Not a reference code: the reference has no pending outcome (Circle's facilitator uses it). */
  static final String PENDING = "settlement_pending";

  /** PRODUCT.md §4: a later settle of a payment an earlier call owns. */
  static final String DUPLICATE = "duplicate_settlement";

  /** The Cronos Labs facilitator's words for a payment already taken. */
  static final String CRONOS_DUPLICATE = "Authorization already used";

  private static final String INVALID_PAYLOAD = PaymentFault.INVALID_PAYLOAD.code(2);

  private X402Json() {}

  static ObjectNode verify(X402Format format, VerifyOutcome outcome) {
    ObjectNode json = Json.object();
    json.put("isValid", outcome instanceof VerifyOutcome.Valid);
    if (outcome instanceof VerifyOutcome.Invalid invalid) {
      json.put("invalidReason", invalid.fault().code(format.version()));
      json.put("invalidMessage", invalid.message());
    } else if (format == X402Format.CRONOS) {
      json.putNull("invalidReason");
    }
    json.put("payer", outcome.payer().value());
    return json;
  }

  /** x402 v1/v2 {@code SettleResponse}: {@code transaction} is "" only when nothing was sent. */
  static ObjectNode settle(X402Format format, String network, SettleOutcome outcome) {
    ObjectNode json = Json.object();
    json.put("success", outcome instanceof SettleOutcome.Settled);
    if (outcome instanceof SettleOutcome.Pending pending) {
      json.put("errorReason", PENDING);
      json.put(
          "errorMessage",
          "submitted, not yet confirmed: watch the transaction; do not ask the payer to pay again");
      json.put("id", pending.id());
    } else if (outcome instanceof SettleOutcome.Failed failed) {
      json.put("errorReason", failed.fault().code(format.version()));
      json.put("errorMessage", failed.message());
    } else if (outcome instanceof SettleOutcome.Duplicate duplicate) {
      json.put("errorReason", DUPLICATE);
      json.put(
          "errorMessage",
          "an earlier settle call took this payment and alone reports it: reconcile with its"
              + " transaction; it is not paid again");
      json.put("id", duplicate.id());
    }
    json.put("payer", outcome.payer().value());
    json.put("transaction", transaction(outcome).map(Hash32::hex).orElse(""));
    json.put("network", network);
    return json;
  }

  /**
   * The Cronos Labs facilitator's settle events. {@code payment.pending} is ours: that facilitator
   * blocks until settled and has no pending event. Only a settled payment has its block.
   */
  static ObjectNode cronosSettle(
      String network, TransferAuthorization authorization, SettleOutcome outcome, Instant now) {
    ObjectNode json = Json.object();
    json.put("x402Version", 1);
    if (outcome instanceof SettleOutcome.Failed failed) {
      json.put("event", "payment.failed");
      json.put("error", failed.message());
      json.put("errorReason", failed.fault().code(1));
      failed.transaction().ifPresent(hash -> json.put("txHash", hash.hex()));
    } else if (outcome instanceof SettleOutcome.Duplicate duplicate) {
      json.put("event", "payment.failed");
      json.put("error", CRONOS_DUPLICATE);
      json.put("errorReason", DUPLICATE);
      duplicate.transaction().ifPresent(hash -> json.put("txHash", hash.hex()));
      json.put("id", duplicate.id());
    } else {
      json.put(
          "event",
          outcome instanceof SettleOutcome.Settled ? "payment.settled" : "payment.pending");
      json.put("txHash", transaction(outcome).map(Hash32::hex).orElse(""));
      json.put("from", authorization.from().value());
      json.put("to", authorization.to().value());
      json.put("value", authorization.value().toString());
      if (outcome instanceof SettleOutcome.Settled settled) {
        json.put("blockNumber", settled.receipt().blockNumber());
      } else {
        json.putNull("blockNumber");
      }
      if (outcome instanceof SettleOutcome.Pending pending) {
        json.put("id", pending.id());
      }
    }
    json.put("network", network);
    json.put("timestamp", now.toString());
    return json;
  }

  /** Verify's answer to a readable request whose payment is broken. */
  static ObjectNode brokenVerify(X402Requests.BrokenPayment broken) {
    ObjectNode json = Json.object();
    json.put("isValid", false);
    json.put("invalidReason", INVALID_PAYLOAD);
    json.put("invalidMessage", broken.message());
    broken.payer().ifPresent(payer -> json.put("payer", payer.value()));
    return json;
  }

  /** Settle's answer to a readable request whose payment is broken: nothing was sent. */
  static ObjectNode brokenSettle(X402Requests.BrokenPayment broken, Instant now) {
    ObjectNode json = Json.object();
    if (broken.format() == X402Format.CRONOS) {
      json.put("x402Version", 1);
      json.put("event", "payment.failed");
      json.put("error", broken.message());
      json.put("errorReason", INVALID_PAYLOAD);
      json.put("network", broken.network());
      json.put("timestamp", now.toString());
      return json;
    }
    json.put("success", false);
    json.put("errorReason", INVALID_PAYLOAD);
    json.put("errorMessage", broken.message());
    broken.payer().ifPresent(payer -> json.put("payer", payer.value()));
    json.put("transaction", "");
    json.put("network", broken.network());
    return json;
  }

  static String outcomeName(VerifyOutcome outcome) {
    return outcome instanceof VerifyOutcome.Invalid invalid ? invalid.fault().code(2) : "valid";
  }

  static String outcomeName(SettleOutcome outcome) {
    if (outcome instanceof SettleOutcome.Failed failed) {
      return failed.fault().code(2);
    }
    if (outcome instanceof SettleOutcome.Duplicate) {
      return DUPLICATE;
    }
    return outcome instanceof SettleOutcome.Settled ? "settled" : "pending";
  }

  static Optional<Hash32> transaction(SettleOutcome outcome) {
    if (outcome instanceof SettleOutcome.Settled settled) {
      return Optional.of(settled.transaction());
    }
    if (outcome instanceof SettleOutcome.Pending pending) {
      return pending.transaction();
    }
    if (outcome instanceof SettleOutcome.Duplicate duplicate) {
      return duplicate.transaction();
    }
    return ((SettleOutcome.Failed) outcome).transaction();
  }
}
