package io.crogas.domain.service;

import static io.crogas.domain.service.QuoteIssuer.refused;
import static io.crogas.domain.service.QuoteIssuer.unknownTier;

import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.policy.NoncePolicy;
import io.crogas.domain.policy.SignatureRules;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.IdSource;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.domain.port.out.QuoteBook;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/** Prices meta-transactions from a simulation of the call, the tier's fee cap and the CRO price. */
public final class QuoteRelayService implements QuoteRelayUseCase {
  private final RelaySettings settings;
  private final Chain chain;
  private final Journal journal;
  private final InstantSource clock;
  private final QuoteIssuer issuer;

  public QuoteRelayService(
      RelaySettings settings,
      Chain chain,
      PriceFeed prices,
      QuoteBook quotes,
      Journal journal,
      InstantSource clock,
      IdSource ids) {
    this.settings = settings;
    this.chain = chain;
    this.journal = journal;
    this.clock = clock;
    this.issuer = new QuoteIssuer(settings, chain, prices, quotes, ids);
  }

  @Override
  public QuoteOutcome quote(QuoteRelayCommand command) {
    Instant now = clock.instant();
    Optional<GasTier> tier = settings.tiers().find(command.gasLevel());
    if (tier.isEmpty()) {
      return refused(unknownTier(command.gasLevel()));
    }
    Optional<Rejection> forbidden = issuer.checkTarget(command.target());
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
    return issuer.price(command.user(), call, tier.get(), now);
  }
}
