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
import io.crogas.domain.policy.DisclosurePolicy;
import io.crogas.domain.policy.ExactPaymentRules;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase;
import io.crogas.domain.port.in.VerifyPaymentCommand;
import io.crogas.domain.port.in.VerifyPaymentUseCase;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Chain.PaymentState;
import io.crogas.domain.port.out.IdSource;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.RelayEngine;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The x402 facilitator for the {@code exact} scheme. Beyond the reference implementation it checks
 * the authorization state and balance up front, journals each settlement before submitting it, and
 * reports a receipt wait that runs out as pending with the transaction hash.
 *
 * <p>One payment, one success: the journal's atomic admission on (chain, asset, payer, nonce)
 * decides which settle call owns a payment. Every later call gets a {@link SettleOutcome.Duplicate}
 * with the first call's transaction (whatever state it is in), and a call whose authorization or
 * signature differs from the journaled one is refused as a used nonce: it is never told about the
 * other payment's transaction.
 */
public final class PaymentService implements VerifyPaymentUseCase, SettlePaymentUseCase {
  private final FacilitatorSettings settings;
  private final ExactPaymentRules rules;
  private final Chain chain;
  private final BlockReads shared;
  private final Journal journal;
  private final RelayEngine engine;
  private final InstantSource clock;
  private final IdSource ids;

  public PaymentService(
      FacilitatorSettings settings,
      Chain chain,
      Journal journal,
      RelayEngine engine,
      InstantSource clock,
      IdSource ids) {
    this.settings = settings;
    this.rules =
        new ExactPaymentRules(
            settings.network(),
            settings.assets(),
            settings.payees(),
            settings.validBeforeMarginSeconds(),
            settings.minimumValue());
    this.chain = chain;
    this.shared = new BlockReads(chain);
    this.journal = journal;
    this.engine = engine;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Verify's chain reads are shared with concurrent and earlier verifies in the same block ({@link
   * BlockReads}); settle reads afresh.
   */
  @Override
  public VerifyOutcome verify(VerifyPaymentCommand command) {
    return check(command, shared::paymentState);
  }

  /** The verdict on {@code command} with the chain's state as {@code reads} tell it. */
  private VerifyOutcome check(
      VerifyPaymentCommand command, Function<RelayJob.TokenTransfer, PaymentState> reads) {
    PaymentPayload payload = command.payload();
    Optional<ExactPaymentRules.Violation> violation =
        rules.check(payload, command.requirements(), clock.instant());
    if (violation.isPresent()) {
      return invalid(violation.get().fault(), payload.payer(), violation.get().message());
    }
    TokenDomain token = rules.token(command.requirements().asset()).orElseThrow();
    TransferAuthorization authorization = payload.payment().authorization();
    if (journal.findByKey(key(command)).isPresent()) {
      return usedNonce(payload.payer());
    }
    PaymentState state = reads.apply(new RelayJob.TokenTransfer(token, payload.payment()));
    if (state.authorizationUsed()) {
      return usedNonce(payload.payer());
    }
    if (state.balance().compareTo(authorization.value()) < 0) {
      return invalid(
          PaymentFault.INSUFFICIENT_BALANCE, payload.payer(), "the payer's balance is too low");
    }
    if (state.reverts().isPresent()) {
      return invalid(
          PaymentFault.SIMULATION_FAILED,
          payload.payer(),
          DisclosurePolicy.publicText(state.reverts().get().reason()));
    }
    return new VerifyOutcome.Valid(payload.payer());
  }

  @Override
  public SettleOutcome settle(SettlePaymentCommand settlement) {
    try {
      return settleAsync(settlement).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  @Override
  public CompletionStage<SettleOutcome> settleAsync(SettlePaymentCommand settlement) {
    VerifyPaymentCommand command = settlement.verification();
    PaymentPayload payload = command.payload();
    PaymentRequirements requirements = command.requirements();
    TransferAuthorization authorization = payload.payment().authorization();
    IdempotencyKey key = key(command);
    Optional<RelayRecord> earlier = journal.findByKey(key);
    if (earlier.isPresent()) {
      return CompletableFuture.completedFuture(taken(earlier.get(), payload));
    }
    // Fresh reads: a balance spent or an authorization used since a verify must stop it here.
    VerifyOutcome verdict = check(command, this::freshState);
    if (verdict instanceof VerifyOutcome.Invalid invalid) {
      // A call racing the owner of this payment may have read the chain after the owner journaled
      // and sent it: whatever its transaction did to what was read (authorization used, balance
      // spent, transfer reverting), the payment is taken, a duplicate, not a fault.
      return CompletableFuture.completedFuture(
          journal
              .findByKey(key)
              .map(record -> taken(record, payload))
              .orElseGet(
                  () ->
                      new SettleOutcome.Failed(
                          invalid.fault(), invalid.payer(), Optional.empty(), invalid.message())));
    }
    TokenDomain token = rules.token(requirements.asset()).orElseThrow();
    Instant now = clock.instant();
    RelayRecord accepted =
        RelayRecord.accepted(
            "s_" + ids.next(),
            key,
            new RelayJob.TokenTransfer(token, payload.payment()),
            new TokenAmount(authorization.value(), token.decimals()),
            now);
    Journal.Admission admission = journal.admit(accepted);
    if (admission instanceof Journal.Admission.Existing raced) {
      return CompletableFuture.completedFuture(taken(raced.record(), payload));
    }
    return await(accepted, engine.execute(accepted));
  }

  /**
   * Settle's chain reads: afresh, and once more when the transfer's run reverts although the
   * authorization and the balance read fine. The batch's reads are each at the latest block, so a
   * block mined between them (with a transaction using this authorization, ours or someone else's)
   * shows as a revert with the authorization unused; read again, the authorization reads used and
   * the answer is the documented one ({@code invalid_exact_evm_nonce_already_used}).
   */
  private PaymentState freshState(RelayJob.TokenTransfer transfer) {
    PaymentState state = chain.paymentState(transfer);
    boolean unexplained =
        state.reverts().isPresent()
            && !state.authorizationUsed()
            && state.balance().compareTo(transfer.transfer().authorization().value()) >= 0;
    return unexplained ? chain.paymentState(transfer) : state;
  }

  private IdempotencyKey key(VerifyPaymentCommand command) {
    TransferAuthorization authorization = command.payload().payment().authorization();
    return IdempotencyKey.payment(
        settings.network().chainId(),
        command.requirements().asset(),
        authorization.from(),
        authorization.nonce());
  }

  /**
   * The answer to a settle call for a payment an earlier call owns: the same signed authorization
   * is a duplicate (with the owner's transaction, so a merchant can reconcile); anything else under
   * that nonce is another payment, refused without the owner's transaction.
   */
  private static SettleOutcome taken(RelayRecord owner, PaymentPayload payload) {
    boolean same =
        owner.job() instanceof RelayJob.TokenTransfer transfer
            && transfer.transfer().equals(payload.payment());
    if (same) {
      return new SettleOutcome.Duplicate(payload.payer(), owner.latestTxHash(), owner.id());
    }
    return new SettleOutcome.Failed(
        PaymentFault.NONCE_ALREADY_USED,
        payload.payer(),
        Optional.empty(),
        "this nonce was already used by another authorization");
  }

  /**
   * The engine's completion, bounded by the settle wait without a thread waiting on it (the
   * engine's own future is never completed here: others may wait on it). When the wait runs out, or
   * the engine fails unexpectedly, the journal holds the truth (recovery will finish the job).
   */
  private CompletionStage<SettleOutcome> await(
      RelayRecord accepted, CompletionStage<RelayRecord> completion) {
    return completion
        .thenApply(Optional::of)
        .toCompletableFuture()
        .completeOnTimeout(
            Optional.empty(), settings.settleWait().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(engineFailed -> Optional.empty())
        .thenApply(
            done -> outcome(done.orElseGet(() -> journal.find(accepted.id()).orElse(accepted))));
  }

  private static SettleOutcome outcome(RelayRecord record) {
    Address payer = record.job().payer();
    if (record.state() == RelayState.CONFIRMED) {
      return new SettleOutcome.Settled(payer, record.receipt().orElseThrow());
    }
    if (record.state() == RelayState.FAILED) {
      return new SettleOutcome.Failed(
          PaymentFault.TRANSACTION_FAILED,
          payer,
          record.latestTxHash(),
          record.failure().map(DisclosurePolicy::publicText).orElse("the transfer failed"));
    }
    return new SettleOutcome.Pending(payer, record.latestTxHash(), record.id());
  }

  private static VerifyOutcome usedNonce(Address payer) {
    return invalid(
        PaymentFault.NONCE_ALREADY_USED, payer, "this authorization was already used or cancelled");
  }

  private static VerifyOutcome invalid(PaymentFault fault, Address payer, String message) {
    return new VerifyOutcome.Invalid(fault, payer, message);
  }
}
