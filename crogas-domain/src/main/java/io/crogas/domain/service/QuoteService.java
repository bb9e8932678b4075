package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.policy.NoncePolicy;
import io.crogas.domain.policy.QuotePolicy;
import io.crogas.domain.policy.SignatureRules;
import io.crogas.domain.port.in.QuoteRelay;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.port.out.QuoteBook;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/** Prices meta-transactions from a simulation of the call, the tier's fee cap and the CRO price. */
public final class QuoteService implements QuoteRelay {
  private final RelaySettings settings;
  private final Chain chain;
  private final PriceFeed prices;
  private final QuoteBook quotes;
  private final Journal journal;
  private final InstantSource clock;
  private final QuotePolicy policy;

  public QuoteService(
      RelaySettings settings,
      Chain chain,
      PriceFeed prices,
      QuoteBook quotes,
      Journal journal,
      InstantSource clock) {
    this.settings = settings;
    this.chain = chain;
    this.prices = prices;
    this.quotes = quotes;
    this.journal = journal;
    this.clock = clock;
    this.policy = new QuotePolicy(settings.fees());
  }

  @Override
  public QuoteOutcome quote(QuoteCommand command) {
    Instant now = clock.instant();
    Optional<GasTier> tier = settings.tiers().find(command.gasLevel());
    if (tier.isEmpty()) {
      return refused(unknownTier(command.gasLevel()));
    }
    Optional<Rejection> forbidden = checkTarget(command.target());
    if (forbidden.isPresent()) {
      return refused(forbidden.get());
    }
    BigInteger deadline =
        command
            .deadline()
            .orElse(BigInteger.valueOf(now.plus(settings.defaultDeadline()).getEpochSecond()));
    Optional<Rejection> expired =
        SignatureRules.requireMargin(deadline, now, settings.deadlineMargin(), "deadline");
    if (expired.isPresent()) {
      return refused(expired.get());
    }
    BigInteger nonce =
        NoncePolicy.expectedNext(
            chain.forwarderNonce(command.user()), journal.inFlightNonces(command.user()));
    MetaTransaction call =
        new MetaTransaction(
            command.target(), command.calldata(), command.gasLevel(), nonce, deadline);
    return price(command.user(), call, tier.get(), now);
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
            "q_" + UUID.randomUUID().toString().replace("-", ""),
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

  private static QuoteOutcome refused(Rejection rejection) {
    return new QuoteOutcome.Refused(rejection);
  }
}
