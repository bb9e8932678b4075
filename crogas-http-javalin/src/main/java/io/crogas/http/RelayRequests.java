package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.QuoteRelayCommand;
import java.math.BigInteger;
import java.util.Optional;

/** Request bodies of the gasless-execution endpoints, read strictly into the core's records. */
final class RelayRequests {
  private RelayRequests() {}

  /** {@code {userAddress, target, calldata, gasLevel, deadline?}}. */
  static QuoteRelayCommand quote(JsonNode body) {
    Fields fields = Fields.of(body);
    Address user = fields.required("userAddress", Values::address);
    Address target = fields.required("target", Values::address);
    Calldata calldata = fields.required("calldata", Values::calldata);
    String gasLevel = fields.required("gasLevel", Values::label);
    Optional<BigInteger> deadline = fields.optional("deadline", Values::uint256);
    QuoteRelayCommand command =
        fields.build("", () -> new QuoteRelayCommand(user, target, calldata, gasLevel, deadline));
    fields.check();
    return command;
  }

  /**
   * The seed's body {@code {target, calldata, gasLevel, userAddress, signature, deadline, nonce}}
   * plus an optional {@code payment: {authorization: {from, to, value, validAfter, validBefore,
   * nonce}, signature}}.
   */
  static RelayRequest relay(JsonNode body) {
    Fields fields = Fields.of(body);
    Address user = fields.required("userAddress", Values::address);
    Address target = fields.required("target", Values::address);
    Calldata calldata = fields.required("calldata", Values::calldata);
    String gasLevel = fields.required("gasLevel", Values::label);
    BigInteger nonce = fields.required("nonce", Values::uint256);
    BigInteger deadline = fields.required("deadline", Values::uint256);
    Signature signature = fields.required("signature", Values::signature);
    Optional<SignedAuthorization> payment =
        fields.optionalObject("payment").map(RelayRequests::payment);
    MetaTransaction call =
        fields.build("", () -> new MetaTransaction(target, calldata, gasLevel, nonce, deadline));
    RelayRequest request = fields.build("", () -> new RelayRequest(user, call, signature, payment));
    fields.check();
    return request;
  }

  /** {@code {authorization: {from, to, value, validAfter, validBefore, nonce}, signature}}. */
  static SignedAuthorization payment(Fields payment) {
    TransferAuthorization authorization = authorization(payment.object("authorization"));
    Signature signature = payment.required("signature", Values::signature);
    return payment.build("", () -> new SignedAuthorization(authorization, signature));
  }

  static TransferAuthorization authorization(Fields fields) {
    Address from = fields.required("from", Values::address);
    Address to = fields.required("to", Values::address);
    BigInteger value = fields.required("value", Values::uint256);
    BigInteger validAfter = fields.required("validAfter", Values::uint256);
    BigInteger validBefore = fields.required("validBefore", Values::uint256);
    Hash32 nonce = fields.required("nonce", Values::hash);
    return fields.build(
        "", () -> new TransferAuthorization(from, to, value, validAfter, validBefore, nonce));
  }
}
