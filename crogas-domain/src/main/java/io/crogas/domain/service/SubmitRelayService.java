package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.NoncePolicy;
import io.crogas.domain.policy.RevertPolicy;
import io.crogas.domain.policy.SignatureRules;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.IdSource;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.port.out.QuoteBook;
import io.crogas.domain.port.out.RelayEngine;
import io.crogas.domain.port.out.RelayerAccounts;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Accepts gasless execution requests. Checks run in the order PRODUCT.md §4 fixes, so clients can
 * predict the answer: shape → deadline → signature → nonce → payment present → payment binding,
 * amount and signature → balances and authorization state → relayer funds → simulation. Only then
 * is the request journaled and handed to the relayer.
 */
public final class SubmitRelayService implements SubmitRelayUseCase {
  private final RelaySettings settings;
  private final QuoteIssuer quotes;
  private final QuoteBook quoteBook;
  private final Chain chain;
  private final Journal journal;
  private final RelayEngine engine;
  private final RelayerAccounts relayers;
  private final InstantSource clock;
  private final IdSource ids;

  public SubmitRelayService(
      RelaySettings settings,
      PriceFeed prices,
      QuoteBook quoteBook,
      Chain chain,
      Journal journal,
      RelayEngine engine,
      RelayerAccounts relayers,
      InstantSource clock,
      IdSource ids) {
    this.settings = settings;
    this.quotes = new QuoteIssuer(settings, chain, prices, quoteBook, ids);
    this.quoteBook = quoteBook;
    this.chain = chain;
    this.journal = journal;
    this.engine = engine;
    this.relayers = relayers;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public SubmitOutcome submit(SubmitRelayCommand command) {
    RelayRequest request = command.request();
    Instant now = clock.instant();
    MetaTransaction call = request.metaTransaction();
    Optional<GasTier> tier = settings.tiers().find(call.gasLevel());
    if (tier.isEmpty()) {
      return rejected(QuoteIssuer.unknownTier(call.gasLevel()));
    }
    Optional<Rejection> early =
        quotes
            .checkTarget(call.target())
            .or(
                () ->
                    SignatureRules.requireMargin(
                        call.deadline(), now, settings.deadlineMargin(), "deadline"));
    Hash32 digest = call.digest(settings.forwarder());
    early =
        early.or(
            () ->
                SignatureRules.requireSigner(
                    digest, request.signature(), request.user(), "signature"));
    if (early.isPresent()) {
      return rejected(early.get());
    }
    IdempotencyKey key =
        IdempotencyKey.metaTransaction(settings.forwarder().chainId(), request.user(), digest);
    Optional<RelayRecord> existing = journal.findByKey(key);
    if (existing.isPresent()) {
      return sameRequest(existing.get(), request);
    }
    Optional<Rejection> nonce =
        NoncePolicy.check(
            call.nonce(),
            chain.forwarderNonce(request.user()),
            journal.inFlightNonces(request.user()));
    if (nonce.isPresent()) {
      // The same request may have been admitted since the look-up above (a double click):
      // then its nonce is in flight, and the answer is the first request's record, not a 409.
      return journal
          .findByKey(key)
          .map(first -> sameRequest(first, request))
          .orElseGet(() -> rejected(nonce.get()));
    }
    if (request.payment().isEmpty()) {
      return paymentRequired(request.user(), call, tier.get(), now, "payment is required");
    }
    // An address whose paid calls reverted on chain is slowed down, then refused (PRODUCT §6).
    Optional<Rejection> slowed =
        settings
            .reverts()
            .check(journal.recent(Optional.of(request.user()), RevertPolicy.HISTORY), now);
    if (slowed.isPresent()) {
      return rejected(slowed.get());
    }
    return checkPayment(request, request.payment().get(), digest, key, tier.get(), now);
  }

  private SubmitOutcome checkPayment(
      RelayRequest request,
      SignedAuthorization fee,
      Hash32 digest,
      IdempotencyKey key,
      GasTier tier,
      Instant now) {
    MetaTransaction call = request.metaTransaction();
    TransferAuthorization authorization = fee.authorization();
    Optional<Rejection> binding =
        SignatureRules.requireFeeBinding(
                authorization, request.user(), settings.forwarder(), digest, call.deadline(), now)
            .or(
                () ->
                    SignatureRules.requireMargin(
                        authorization.validBefore(),
                        now,
                        settings.deadlineMargin(),
                        "payment.authorization.validBefore"));
    if (binding.isPresent()) {
      return rejected(binding.get());
    }
    Optional<FeeQuote> issued =
        quoteBook
            .latestFor(digest)
            .filter(
                q ->
                    q.user().equals(request.user())
                        && !q.isExpired(now)
                        && q.amount().atomic().equals(authorization.value()));
    if (issued.isEmpty()) {
      QuoteOutcome fresh = quotes.price(request.user(), call, tier, now);
      if (fresh instanceof QuoteOutcome.Refused refused) {
        return rejected(refused.rejection());
      }
      FeeQuote current = ((QuoteOutcome.Quoted) fresh).quote();
      if (authorization.value().compareTo(current.amount().atomic()) < 0) {
        return new SubmitOutcome.PaymentRequired(
            current,
            "the signed fee "
                + authorization.value()
                + " is below the current price "
                + current.amount().atomic()
                + " (no unexpired quote matches it)");
      }
      issued = Optional.of(current);
    }
    Wei worstCase = issued.get().croCost();
    Optional<Rejection> problem =
        SignatureRules.requireFeeSignature(fee, settings.feeToken())
            .or(() -> requireFunds(request.user(), authorization, digest));
    if (problem.isPresent()) {
      return rejected(problem.get());
    }
    Optional<Address> funded = fundedRelayer(worstCase);
    if (funded.isEmpty()) {
      return rejected(
          Rejection.of(
              RejectionCode.UNAVAILABLE, "no relayer has the CRO to pay for this call now"));
    }
    GasBudget budget = GasBudget.of(issued.get());
    RelayJob job =
        new RelayJob.ForwarderCall(
            settings.forwarder(), request, fee, tier.queuePriority(), budget);
    Optional<Rejection> unsafe = simulateAsSent(job, budget, funded.get());
    if (unsafe.isPresent()) {
      return rejected(unsafe.get());
    }
    TokenAmount charge = new TokenAmount(authorization.value(), settings.feeToken().decimals());
    RelayRecord accepted = RelayRecord.accepted("r_" + ids.next(), key, job, charge, now);
    Journal.Admission admission = journal.admit(accepted);
    if (admission instanceof Journal.Admission.Existing raced) {
      return sameRequest(raced.record(), request);
    }
    if (admission instanceof Journal.Admission.NonceInFlight taken) {
      return rejected(NoncePolicy.inFlight(call.nonce(), taken.holder().id()));
    }
    return new SubmitOutcome.Accepted(accepted, engine.execute(accepted));
  }

  private Optional<Rejection> requireFunds(Address user, TransferAuthorization fee, Hash32 digest) {
    Address token = settings.feeToken().token();
    if (chain.authorizationUsed(token, user, digest)) {
      return Optional.of(
          Rejection.of(
              RejectionCode.PAYMENT_REQUIRED,
              "the fee authorization for this meta-transaction was already used or cancelled; sign"
                  + " a new meta-transaction",
              "payment.authorization.nonce",
              "already used or cancelled"));
    }
    BigInteger balance = chain.tokenBalance(token, user);
    if (balance.compareTo(fee.value()) < 0) {
      return Optional.of(
          Rejection.of(
              RejectionCode.INSUFFICIENT_BALANCE,
              "USDC balance " + balance + " is below the fee " + fee.value(),
              "payment.authorization.value",
              "exceeds the balance " + balance));
    }
    return Optional.empty();
  }

  /**
   * Simulates the whole forwarder call as a relayer sends it (from a relayer key that can pay for
   * it, at the quoted fee cap): it must succeed within the quoted gas limit, or a target that
   * behaves differently when relayed would make the relayer pay for more gas than the user was
   * charged for.
   */
  private Optional<Rejection> simulateAsSent(RelayJob job, GasBudget budget, Address relayer) {
    Chain.Simulation simulation = chain.simulate(job, relayer, budget.maxFeePerGas());
    if (simulation instanceof Chain.Simulation.Reverts reverts) {
      return Optional.of(
          Rejection.of(
              RejectionCode.SIMULATION_FAILED,
              "the relayed call reverts: " + reverts.reason(),
              "reason",
              reverts.reason()));
    }
    BigInteger gas = ((Chain.Simulation.Succeeds) simulation).gas();
    if (gas.compareTo(budget.gasLimit()) > 0) {
      String reason =
          "needs " + gas + " gas when relayed, above the quoted limit of " + budget.gasLimit();
      return Optional.of(
          Rejection.of(
              RejectionCode.SIMULATION_FAILED,
              "the relayed call " + reason + " (it behaves differently when relayed)",
              "reason",
              reason));
    }
    return Optional.empty();
  }

  /** A relayer key whose CRO covers {@code worstCase} now, if any. */
  private Optional<Address> fundedRelayer(Wei worstCase) {
    return relayers.addresses().stream()
        .filter(relayer -> chain.nativeBalance(relayer).compareTo(worstCase) >= 0)
        .findFirst();
  }

  private SubmitOutcome paymentRequired(
      Address user, MetaTransaction call, GasTier tier, Instant now, String message) {
    QuoteOutcome outcome = quotes.price(user, call, tier, now);
    if (outcome instanceof QuoteOutcome.Refused refused) {
      return rejected(refused.rejection());
    }
    return new SubmitOutcome.PaymentRequired(((QuoteOutcome.Quoted) outcome).quote(), message);
  }

  /** A resubmission: the first result, unless it carries a different payment (409 duplicate). */
  private static SubmitOutcome sameRequest(RelayRecord first, RelayRequest again) {
    if (again.payment().isPresent()
        && first.job() instanceof RelayJob.ForwarderCall call
        && !call.fee().equals(again.payment().get())) {
      return rejected(
          Rejection.of(
              RejectionCode.DUPLICATE,
              "this meta-transaction was already submitted with a different payment as "
                  + first.id(),
              "payment",
              "differs from the first submission"));
    }
    return new SubmitOutcome.Existing(first);
  }

  private static SubmitOutcome rejected(Rejection rejection) {
    return new SubmitOutcome.Rejected(rejection);
  }
}
