package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.SettlePayment.SettleOutcome;
import io.crogas.domain.port.in.VerifyPayment.VerifyOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verify and settle answers, each in the shape of the request's {@link X402Format}: the x402
 * reference's {@code VerifyResponse}/{@code SettleResponse} for v1 and v2, the Cronos Labs
 * facilitator's {@code isValid}/{@code payment.*} events for its format.
 */
final class X402Json {
  /** Not a reference code: the reference has no pending outcome (Circle's facilitator uses it). */
  static final String PENDING = "settlement_pending";

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
    }
    json.put("payer", outcome.payer().value());
    json.put("transaction", transaction(outcome).map(Hash32::hex).orElse(""));
    json.put("network", network);
    return json;
  }

  /**
   * The Cronos Labs facilitator's settle events. {@code payment.pending} is ours: that facilitator
   * blocks until settled and has no pending event.
   */
  static ObjectNode cronosSettle(
      String network,
      TransferAuthorization authorization,
      SettleOutcome outcome,
      OptionalLong blockNumber,
      Instant now) {
    ObjectNode json = Json.object();
    json.put("x402Version", 1);
    if (outcome instanceof SettleOutcome.Failed failed) {
      json.put("event", "payment.failed");
      json.put("error", failed.message());
      json.put("errorReason", failed.fault().code(1));
      failed.transaction().ifPresent(hash -> json.put("txHash", hash.hex()));
    } else {
      json.put(
          "event",
          outcome instanceof SettleOutcome.Settled ? "payment.settled" : "payment.pending");
      json.put("txHash", transaction(outcome).map(Hash32::hex).orElse(""));
      json.put("from", authorization.from().value());
      json.put("to", authorization.to().value());
      json.put("value", authorization.value().toString());
      if (blockNumber.isPresent()) {
        json.put("blockNumber", blockNumber.getAsLong());
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

  static String outcomeName(VerifyOutcome outcome) {
    return outcome instanceof VerifyOutcome.Invalid invalid ? invalid.fault().code(2) : "valid";
  }

  static String outcomeName(SettleOutcome outcome) {
    if (outcome instanceof SettleOutcome.Failed failed) {
      return failed.fault().code(2);
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
    return ((SettleOutcome.Failed) outcome).transaction();
  }
}
