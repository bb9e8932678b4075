package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.policy.ExactPaymentRules;
import io.crogas.domain.port.in.SettlePayment;
import io.crogas.domain.port.in.VerifyPayment;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.RelayEngine;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The x402 facilitator for the {@code exact} scheme. Beyond the reference implementation it checks
 * the authorization state and balance up front, journals each settlement before submitting it,
 * answers a retry with the first attempt's transaction, and reports a receipt wait that runs out as
 * pending with the transaction hash.
 */
public final class PaymentService implements VerifyPayment, SettlePayment {
  private final FacilitatorSettings settings;
  private final ExactPaymentRules rules;
  private final Chain chain;
  private final Journal journal;
  private final RelayEngine engine;
  private final InstantSource clock;

  public PaymentService(
      FacilitatorSettings settings,
      Chain chain,
      Journal journal,
      RelayEngine engine,
      InstantSource clock) {
    this.settings = settings;
    this.rules =
        new ExactPaymentRules(
            settings.network(),
            settings.assets(),
            settings.payees(),
            settings.validBeforeMarginSeconds());
    this.chain = chain;
    this.journal = journal;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public VerifyOutcome verify(PaymentCommand command) {
    PaymentPayload payload = command.payload();
    Optional<ExactPaymentRules.Violation> violation =
        rules.check(payload, command.requirements(), clock.instant());
    if (violation.isPresent()) {
      return invalid(violation.get().fault(), payload.payer(), violation.get().message());
    }
    TokenDomain token = rules.token(command.requirements().asset()).orElseThrow();
    TransferAuthorization authorization = payload.payment().authorization();
    if (chain.authorizationUsed(token.token(), authorization.from(), authorization.nonce())) {
      return invalid(
          PaymentFault.NONCE_ALREADY_USED,
          payload.payer(),
          "this authorization was already used or cancelled");
    }
    if (chain.tokenBalance(token.token(), authorization.from()).compareTo(authorization.value())
        < 0) {
      return invalid(
          PaymentFault.INSUFFICIENT_BALANCE, payload.payer(), "the payer's balance is too low");
    }
    if (chain.simulate(new RelayJob.TokenTransfer(token, payload.payment()))
        instanceof Chain.Simulation.Reverts reverts) {
      return invalid(PaymentFault.SIMULATION_FAILED, payload.payer(), reverts.reason());
    }
    return new VerifyOutcome.Valid(payload.payer());
  }

  @Override
  public SettleOutcome settle(PaymentCommand command) {
    PaymentPayload payload = command.payload();
    PaymentRequirements requirements = command.requirements();
    TransferAuthorization authorization = payload.payment().authorization();
    IdempotencyKey key =
        IdempotencyKey.payment(
            settings.network().chainId(),
            requirements.asset(),
            authorization.from(),
            authorization.nonce());
    Optional<RelayRecord> earlier = journal.findByKey(key);
    if (earlier.isPresent()) {
      return outcome(earlier.get());
    }
    VerifyOutcome verdict = verify(command);
    if (verdict instanceof VerifyOutcome.Invalid invalid) {
      return new SettleOutcome.Failed(
          invalid.fault(), invalid.payer(), Optional.empty(), invalid.message());
    }
    TokenDomain token = rules.token(requirements.asset()).orElseThrow();
    Instant now = clock.instant();
    RelayRecord accepted =
        RelayRecord.accepted(
            "s_" + UUID.randomUUID().toString().replace("-", ""),
            key,
            new RelayJob.TokenTransfer(token, payload.payment()),
            new TokenAmount(authorization.value(), token.decimals()),
            now);
    Journal.Admission admission = journal.admit(accepted);
    if (admission instanceof Journal.Admission.Existing raced) {
      return outcome(raced.record());
    }
    return await(accepted, engine.execute(accepted));
  }

  private SettleOutcome await(RelayRecord accepted, CompletionStage<RelayRecord> completion) {
    try {
      return outcome(
          completion
              .toCompletableFuture()
              .get(settings.settleWait().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException stillWaiting) {
      return outcome(journal.find(accepted.id()).orElse(accepted));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return outcome(journal.find(accepted.id()).orElse(accepted));
    } catch (ExecutionException e) {
      // The engine failed unexpectedly: the journal holds the truth, and recovery will finish it.
      return outcome(journal.find(accepted.id()).orElse(accepted));
    }
  }

  private static SettleOutcome outcome(RelayRecord record) {
    Address payer = record.job().payer();
    if (record.state() == RelayState.CONFIRMED) {
      return new SettleOutcome.Settled(payer, record.latestTxHash().orElseThrow());
    }
    if (record.state() == RelayState.FAILED) {
      return new SettleOutcome.Failed(
          PaymentFault.TRANSACTION_FAILED,
          payer,
          record.latestTxHash(),
          record.failure().orElse("the transfer failed"));
    }
    return new SettleOutcome.Pending(payer, record.latestTxHash(), record.id());
  }

  private static VerifyOutcome invalid(PaymentFault fault, Address payer, String message) {
    return new VerifyOutcome.Invalid(fault, payer, message);
  }
}
