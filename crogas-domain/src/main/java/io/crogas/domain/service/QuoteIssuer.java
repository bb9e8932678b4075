package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.policy.QuotePolicy;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.IdSource;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.port.out.QuoteBook;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * What quoting and submitting share: the tier and target checks both make first, and the price of a
 * fully specified meta-transaction (a simulation of the call, the tier's fee cap and the CRO
 * price), recorded in the {@link QuoteBook}. Each of the two services holds its own.
 */
final class QuoteIssuer {
  private final RelaySettings settings;
  private final Chain chain;
  private final PriceFeed prices;
  private final QuoteBook quotes;
  private final IdSource ids;
  private final QuotePolicy policy;

  QuoteIssuer(
      RelaySettings settings, Chain chain, PriceFeed prices, QuoteBook quotes, IdSource ids) {
    this.settings = settings;
    this.chain = chain;
    this.prices = prices;
    this.quotes = quotes;
    this.ids = ids;
    this.policy = new QuotePolicy(settings.fees());
  }

  /** Prices a fully specified meta-transaction and records the quote. */
  QuoteOutcome price(Address user, MetaTransaction call, GasTier tier, Instant now) {
    Chain.Simulation simulation =
        chain.simulateCall(
            settings.forwarder().forwarder(), call.target(), erc2771(call.calldata(), user));
    if (simulation instanceof Chain.Simulation.Reverts reverts) {
      return refused(
          Rejection.of(
              RejectionCode.SIMULATION_FAILED,
              "the call reverts: " + reverts.reason(),
              "reason",
              reverts.reason()));
    }
    BigInteger estimate =
        ((Chain.Simulation.Succeeds) simulation).gas().add(settings.forwarderOverheadGas());
    QuotePolicy.Pricing pricing =
        policy.price(
            estimate,
            tier,
            chain.feeMarket(),
            prices.latest(),
            settings.feeToken().decimals(),
            now);
    if (pricing instanceof QuotePolicy.Pricing.Unpriced unpriced) {
      return refused(Rejection.of(RejectionCode.UNAVAILABLE, unpriced.reason()));
    }
    QuotePolicy.Pricing.Priced priced = (QuotePolicy.Pricing.Priced) pricing;
    if (priced.gasLimit().compareTo(settings.maxGasPerRequest()) > 0) {
      return refused(
          Rejection.of(
              RejectionCode.FORBIDDEN,
              "the call needs "
                  + priced.gasLimit()
                  + " gas, above this relayer's cap of "
                  + settings.maxGasPerRequest(),
              "gasLimit",
              "above the per-request cap"));
    }
    FeeQuote quote =
        new FeeQuote(
            "q_" + ids.next(),
            settings.forwarder(),
            settings.feeToken(),
            user,
            call,
            call.digest(settings.forwarder()),
            priced.gasLimit(),
            priced.maxFeePerGas(),
            priced.croCost(),
            priced.price(),
            priced.baseGasCost(),
            priced.facilitatorFee(),
            priced.expiresAt());
    quotes.save(quote);
    return new QuoteOutcome.Quoted(quote);
  }

  Optional<Rejection> checkTarget(Address target) {
    return settings
        .targets()
        .check(target, settings.forwarder().forwarder(), settings.feeToken().token());
  }

  static Rejection unknownTier(String gasLevel) {
    return Rejection.of(
        RejectionCode.INVALID_REQUEST,
        "unknown gasLevel: " + gasLevel,
        "gasLevel",
        "not a configured tier");
  }

  /** The data a target sees when the forwarder calls it: the user's calldata, then the user. */
  static Calldata erc2771(Calldata calldata, Address user) {
    byte[] data = calldata.bytes();
    byte[] appended = java.util.Arrays.copyOf(data, data.length + 20);
    System.arraycopy(user.bytes(), 0, appended, data.length, 20);
    return Calldata.of(appended);
  }

  static QuoteOutcome refused(Rejection rejection) {
    return new QuoteOutcome.Refused(rejection);
  }
}
