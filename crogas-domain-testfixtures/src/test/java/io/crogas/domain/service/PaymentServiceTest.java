package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.VerifyPaymentUseCase.VerifyOutcome;
import io.crogas.eip712.Keccak256;
import io.crogas.testfixtures.FakeEngine;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.SequentialIds;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
  private static final Address PAY_TO = Address.parse("0x90F79bf6EB2c4f870365E785982E1f101E93b906");
  private final Fixture f = new Fixture();

  private TransferAuthorization authorization(long value, long validBeforeIn) {
    return new TransferAuthorization(
        f.user.address(),
        PAY_TO,
        BigInteger.valueOf(value),
        BigInteger.ZERO,
        BigInteger.valueOf(f.now() + validBeforeIn),
        Hash32.of(Keccak256.hash(new byte[] {7})));
  }

  private SettlePaymentCommand command(
      int version, TransferAuthorization a, Keys signer, long required) {
    SignedAuthorization signed = new SignedAuthorization(a, signer.sign(a.transferDigest(f.usdc)));
    String network = version == 1 ? "cronos-testnet" : "eip155:338";
    return new SettlePaymentCommand(
        new PaymentPayload(version, "exact", network, signed),
        new PaymentRequirements(
            "exact",
            network,
            BigInteger.valueOf(required),
            Fixture.USDC,
            PAY_TO,
            60,
            Optional.of("USD Coin"),
            Optional.of("2")));
  }

  /** Verify's answer to the payment a settle call would carry. */
  private VerifyOutcome verify(SettlePaymentCommand c) {
    return f.payments.verify(c.verification());
  }

  private SettlePaymentCommand valid() {
    return command(2, authorization(1_000, 300), f.user, 1_000);
  }

  private PaymentFault faultOf(VerifyOutcome outcome) {
    assertThat(outcome).isInstanceOf(VerifyOutcome.Invalid.class);
    return ((VerifyOutcome.Invalid) outcome).fault();
  }

  @Test
  void givenAnotherScheme_whenVerified_thenUnsupportedScheme() {
    SettlePaymentCommand c = valid();
    SettlePaymentCommand upto =
        new SettlePaymentCommand(
            new PaymentPayload(2, "upto", "eip155:338", c.payload().payment()), c.requirements());

    assertThat(faultOf(verify(upto))).isEqualTo(PaymentFault.UNSUPPORTED_SCHEME);
    assertThat(PaymentFault.UNSUPPORTED_SCHEME.code(1)).isEqualTo("unsupported_scheme");
  }

  @Test
  void givenAnotherNetwork_whenVerified_thenNetworkMismatch() {
    SettlePaymentCommand c = valid();
    SettlePaymentCommand base =
        new SettlePaymentCommand(
            new PaymentPayload(2, "exact", "eip155:8453", c.payload().payment()), c.requirements());

    assertThat(faultOf(verify(base))).isEqualTo(PaymentFault.NETWORK_MISMATCH);
  }

  @Test
  void givenASignatureByAnotherKey_whenVerified_thenInvalidExactEvmSignature() {
    VerifyOutcome outcome = verify(command(2, authorization(1_000, 300), Keys.of(3), 1_000));

    assertThat(faultOf(outcome)).isEqualTo(PaymentFault.INVALID_SIGNATURE);
    assertThat(PaymentFault.INVALID_SIGNATURE.code(2)).isEqualTo("invalid_exact_evm_signature");
  }

  @Test
  void givenAWrongTokenName_whenVerified_thenTokenNameMismatch() {
    SettlePaymentCommand c = valid();
    PaymentRequirements r = c.requirements();
    PaymentRequirements renamed =
        new PaymentRequirements(
            r.scheme(),
            r.network(),
            r.amount(),
            r.asset(),
            r.payTo(),
            60,
            Optional.of("USDC"),
            r.tokenVersion());

    assertThat(faultOf(verify(new SettlePaymentCommand(c.payload(), renamed))))
        .isEqualTo(PaymentFault.TOKEN_NAME_MISMATCH);
  }

  @Test
  void givenAPaymentToSomeoneElse_whenVerified_thenRecipientMismatch() {
    TransferAuthorization a = authorization(1_000, 300);
    TransferAuthorization elsewhere =
        new TransferAuthorization(
            a.from(), Fixture.TARGET, a.value(), a.validAfter(), a.validBefore(), a.nonce());

    assertThat(faultOf(verify(command(2, elsewhere, f.user, 1_000))))
        .isEqualTo(PaymentFault.RECIPIENT_MISMATCH);
  }

  @Test
  void givenAnAuthorizationExpiringWithinSixSeconds_whenVerified_thenValidBefore() {
    assertThat(faultOf(verify(command(2, authorization(1_000, 5), f.user, 1_000))))
        .isEqualTo(PaymentFault.VALID_BEFORE);
  }

  @Test
  void givenAnAmountOtherThanRequired_whenVerifiedAsV2_thenAuthorizationValue() {
    assertThat(faultOf(verify(command(2, authorization(1_001, 300), f.user, 1_000))))
        .isEqualTo(PaymentFault.AUTHORIZATION_VALUE);
  }

  @Test
  void givenMoreThanTheMaximum_whenVerifiedAsV1_thenValidButLessIsNot() {
    assertThat(verify(command(1, authorization(1_001, 300), f.user, 1_000)))
        .isInstanceOf(VerifyOutcome.Valid.class);
    assertThat(faultOf(verify(command(1, authorization(999, 300), f.user, 1_000))))
        .isEqualTo(PaymentFault.AUTHORIZATION_VALUE);
    assertThat(PaymentFault.AUTHORIZATION_VALUE.code(1))
        .isEqualTo("invalid_exact_evm_payload_authorization_value");
  }

  @Test
  void givenAUsedAuthorization_whenVerified_thenNonceAlreadyUsed() {
    SettlePaymentCommand c = valid();
    TransferAuthorization a = c.payload().payment().authorization();
    f.chain.useAuthorization(Fixture.USDC, a.from(), a.nonce());

    assertThat(faultOf(verify(c))).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
  }

  @Test
  void givenTooLittleBalance_whenVerified_thenInsufficientBalance() {
    f.chain.setTokenBalance(Fixture.USDC, f.user.address(), 999);

    assertThat(faultOf(verify(valid()))).isEqualTo(PaymentFault.INSUFFICIENT_BALANCE);
    assertThat(PaymentFault.INSUFFICIENT_BALANCE.code(1)).isEqualTo("insufficient_funds");
  }

  @Test
  void givenARevertingTransfer_whenVerified_thenSimulationFailed() {
    f.chain.jobRevert = Optional.of("paused");

    assertThat(faultOf(verify(valid()))).isEqualTo(PaymentFault.SIMULATION_FAILED);
  }

  @Test
  void givenAnUnconfiguredPayee_whenVerified_thenPayeeNotAllowed() {
    FacilitatorSettings onlyTarget =
        new FacilitatorSettings(
            f.facilitatorSettings.network(),
            f.facilitatorSettings.assets(),
            java.util.Set.of(Fixture.TARGET),
            java.time.Duration.ofSeconds(1),
            6);
    PaymentService restricted =
        new PaymentService(onlyTarget, f.chain, f.journal, f.engine, f.clock, f.ids);

    assertThat(faultOf(restricted.verify(valid().verification())))
        .isEqualTo(PaymentFault.PAYEE_NOT_ALLOWED);
  }

  @Test
  void givenAValidPayment_whenVerified_thenValidWithThePayer() {
    assertThat(verify(valid())).isEqualTo(new VerifyOutcome.Valid(f.user.address()));
  }

  @Test
  void givenAValidPayment_whenSettled_thenSettledWithTheReceiptOfTheJournaledRecord() {
    SettleOutcome outcome = f.payments.settle(valid());

    String id = "s_" + SequentialIds.nth(1);
    assertThat(outcome).isInstanceOf(SettleOutcome.Settled.class);
    assertThat(((SettleOutcome.Settled) outcome).receipt())
        .isEqualTo(f.journal.find(id).orElseThrow().receipt().orElseThrow());
    assertThat(((SettleOutcome.Settled) outcome).receipt().blockNumber()).isEqualTo(100);
  }

  @Test
  void givenAValidPayment_whenSettledTwice_thenOneSuccessAndTheSecondIsADuplicateWithTheHash() {
    SettlePaymentCommand c = valid();

    SettleOutcome first = f.payments.settle(c);
    SettleOutcome second = f.payments.settle(c);

    assertThat(first).isInstanceOf(SettleOutcome.Settled.class);
    assertThat(second).isNotInstanceOf(SettleOutcome.Settled.class);
    assertThat(second).isInstanceOf(SettleOutcome.Duplicate.class);
    assertThat(((SettleOutcome.Duplicate) second).transaction())
        .contains(((SettleOutcome.Settled) first).transaction());
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void givenSixteenParallelSettlesOfOnePayment_whenTheyRace_thenExactlyOneSuccess()
      throws Exception {
    SettlePaymentCommand c = valid();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<SettleOutcome>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      calls.add(
          pool.submit(
              () -> {
                start.await();
                return f.payments.settle(c);
              }));
    }
    start.countDown();
    java.util.List<SettleOutcome> outcomes = new java.util.ArrayList<>();
    for (java.util.concurrent.Future<SettleOutcome> call : calls) {
      outcomes.add(call.get(10, java.util.concurrent.TimeUnit.SECONDS));
    }
    pool.shutdown();
    outcomes.add(f.payments.settle(c));

    assertThat(outcomes).filteredOn(o -> o instanceof SettleOutcome.Settled).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof SettleOutcome.Duplicate).hasSize(16);
    assertThat(f.engine.executed).hasSize(1);
  }

  /** Issue #9 item 1: X1 (to himself, nonce N) settled, then X2 (to the merchant, same N). */
  @Test
  void givenASettledPayment_whenAnotherAuthorizationWithItsNonceComes_thenNeverValidNorSettled() {
    Hash32 nonce = Hash32.of(Keccak256.hash(new byte[] {9}));
    SettlePaymentCommand toSelf = toSelf(nonce);
    SettlePaymentCommand toMerchant = toMerchant(nonce, f.user);
    SettleOutcome x1 = f.payments.settle(toSelf);

    VerifyOutcome verified = verify(toMerchant);
    SettleOutcome x2 = f.payments.settle(toMerchant);

    assertThat(x1).isInstanceOf(SettleOutcome.Settled.class);
    assertThat(faultOf(verified)).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
    assertThat(x2).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) x2).fault()).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
    assertThat(((SettleOutcome.Failed) x2).transaction()).isEmpty();
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void givenAPaymentInFlight_whenAnotherAuthorizationWithItsNonceComes_thenNeverValidNorPending() {
    f.engine.mode = FakeEngine.Mode.HOLD;
    Hash32 nonce = Hash32.of(Keccak256.hash(new byte[] {10}));
    SettleOutcome x1 = f.payments.settle(toSelf(nonce));

    VerifyOutcome verified = verify(toMerchant(nonce, f.user));
    SettleOutcome x2 = f.payments.settle(toMerchant(nonce, f.user));

    assertThat(x1).isInstanceOf(SettleOutcome.Pending.class);
    assertThat(faultOf(verified)).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
    assertThat(x2).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void givenASettledPayment_whenItsAuthorizationComesWithAnotherSignature_thenNotSettled() {
    Hash32 nonce = Hash32.of(Keccak256.hash(new byte[] {11}));
    SettlePaymentCommand original = toMerchant(nonce, f.user);
    f.payments.settle(original);
    SettlePaymentCommand resigned = toMerchant(nonce, Keys.of(77));

    SettleOutcome outcome = f.payments.settle(resigned);

    assertThat(outcome)
        .isNotInstanceOf(SettleOutcome.Settled.class)
        .isNotInstanceOf(SettleOutcome.Pending.class)
        .isNotInstanceOf(SettleOutcome.Duplicate.class);
  }

  @Test
  void givenAValueBelowTheMinimum_whenVerifiedOrSettled_thenRefusedBeforeAnyTransaction() {
    SettlePaymentCommand dust = command(2, authorization(999, 300), f.user, 999);

    VerifyOutcome verified = verify(dust);
    SettleOutcome settled = f.payments.settle(dust);

    assertThat(verified).isInstanceOf(VerifyOutcome.Invalid.class);
    assertThat(((VerifyOutcome.Invalid) verified).fault().code(2))
        .isEqualTo("amount_below_minimum");
    assertThat(settled).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(f.engine.executed).isEmpty();
    assertThat(f.journal.recent(Optional.empty(), 10)).isEmpty();
  }

  /** The minimum-sized payment (0.001 USDC) from the user to himself under {@code nonce}. */
  private SettlePaymentCommand toSelf(Hash32 nonce) {
    return transfer(nonce, f.user.address(), 1_000, f.user);
  }

  /** 5 USDC from the user to the merchant ({@link #PAY_TO}) under {@code nonce}. */
  private SettlePaymentCommand toMerchant(Hash32 nonce, Keys signer) {
    return transfer(nonce, PAY_TO, 5_000_000, signer);
  }

  private SettlePaymentCommand transfer(Hash32 nonce, Address payTo, long value, Keys signer) {
    TransferAuthorization a =
        new TransferAuthorization(
            f.user.address(),
            payTo,
            BigInteger.valueOf(value),
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 300),
            nonce);
    SignedAuthorization signed = new SignedAuthorization(a, signer.sign(a.transferDigest(f.usdc)));
    return new SettlePaymentCommand(
        new PaymentPayload(2, "exact", "eip155:338", signed),
        new PaymentRequirements(
            "exact",
            "eip155:338",
            BigInteger.valueOf(value),
            Fixture.USDC,
            payTo,
            60,
            Optional.of("USD Coin"),
            Optional.of("2")));
  }

  @Test
  void givenAnInvalidPayment_whenSettled_thenFailedAndNothingJournaled() {
    SettleOutcome outcome =
        f.payments.settle(command(2, authorization(1_000, 300), Keys.of(3), 1_000));

    assertThat(outcome).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) outcome).fault()).isEqualTo(PaymentFault.INVALID_SIGNATURE);
    assertThat(f.journal.recent(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void givenAReceiptThatDoesNotComeInTime_whenSettled_thenPendingWithTheHashNotFailed() {
    f.engine.mode = FakeEngine.Mode.HOLD;

    SettleOutcome outcome = f.payments.settle(valid());

    assertThat(outcome).isInstanceOf(SettleOutcome.Pending.class);
    assertThat(((SettleOutcome.Pending) outcome).transaction()).isPresent();
    assertThat(((SettleOutcome.Pending) outcome).id()).isEqualTo("s_" + SequentialIds.nth(1));
    SettleOutcome retry = f.payments.settle(valid());
    assertThat(retry).isInstanceOf(SettleOutcome.Duplicate.class);
    assertThat(((SettleOutcome.Duplicate) retry).transaction())
        .isEqualTo(((SettleOutcome.Pending) outcome).transaction());
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void
      givenAReceiptThatDoesNotCome_whenSettledAsync_thenTheStageIsReturnedWhileTheChainIsAwaited() {
    f.engine.mode = FakeEngine.Mode.HOLD;

    CompletableFuture<SettleOutcome> settling =
        f.payments(Duration.ofHours(1)).settleAsync(valid()).toCompletableFuture();

    assertThat(settling).isNotDone();
    assertThat(f.engine.executed).hasSize(1);
    assertThat(f.journal.recent(Optional.empty(), 10)).hasSize(1);
  }

  @Test
  void givenAReceiptThatDoesNotComeInTime_whenSettledAsync_thenPendingOnceTheWaitRunsOut() {
    f.engine.mode = FakeEngine.Mode.HOLD;

    CompletableFuture<SettleOutcome> settling =
        f.payments.settleAsync(valid()).toCompletableFuture();

    assertThat(settling)
        .succeedsWithin(Duration.ofSeconds(10))
        .isInstanceOfSatisfying(
            SettleOutcome.Pending.class, pending -> assertThat(pending.transaction()).isPresent());
  }

  @Test
  void givenATransferThatRevertsOnChain_whenSettled_thenTransactionFailedWithItsHash() {
    f.engine.mode = FakeEngine.Mode.REVERT;

    SettleOutcome outcome = f.payments.settle(valid());

    assertThat(outcome).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) outcome).fault()).isEqualTo(PaymentFault.TRANSACTION_FAILED);
    assertThat(((SettleOutcome.Failed) outcome).transaction()).isPresent();
  }

  // Verify keeps its chain reads for their block (BlockReads). The chain changes below without a
  // new block number: the worst case, a block mined while the head was being read. Settle must
  // decide on fresh reads all the same, send nothing and never report the payment paid.

  @Test
  void givenAVerifiedPayment_whenThePayersBalanceDropsBeforeSettle_thenNotSettledNorSent() {
    SettlePaymentCommand c = valid();
    assertThat(verify(c)).isInstanceOf(VerifyOutcome.Valid.class);
    f.chain.setTokenBalance(Fixture.USDC, f.user.address(), 999);

    SettleOutcome outcome = f.payments.settle(c);

    assertThat(outcome).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) outcome).fault())
        .isEqualTo(PaymentFault.INSUFFICIENT_BALANCE);
    assertThat(f.engine.executed).isEmpty();
    assertThat(f.journal.recent(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void givenAVerifiedPayment_whenItsAuthorizationIsUsedElsewhereBeforeSettle_thenNotSettled() {
    SettlePaymentCommand c = valid();
    TransferAuthorization a = c.payload().payment().authorization();
    assertThat(verify(c)).isInstanceOf(VerifyOutcome.Valid.class);
    f.chain.useAuthorization(Fixture.USDC, a.from(), a.nonce());

    SettleOutcome outcome = f.payments.settle(c);

    assertThat(outcome).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) outcome).fault()).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
    assertThat(((SettleOutcome.Failed) outcome).transaction()).isEmpty();
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenAVerifiedPayment_whenTheTransferStartsToRevertBeforeSettle_thenNotSettled() {
    SettlePaymentCommand c = valid();
    assertThat(verify(c)).isInstanceOf(VerifyOutcome.Valid.class);
    f.chain.jobRevert = Optional.of("Blacklistable: account is blacklisted");

    SettleOutcome outcome = f.payments.settle(c);

    assertThat(outcome).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) outcome).fault()).isEqualTo(PaymentFault.SIMULATION_FAILED);
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenAVerifiedPayment_whenVerifiedAgainInTheSameBlock_thenNoChainReadButTheHead() {
    SettlePaymentCommand c = valid();
    verify(c);
    int balances = f.chain.balanceReads.get();
    int states = f.chain.authorizationReads.get();
    int runs = f.chain.simulations.get();

    assertThat(verify(c)).isInstanceOf(VerifyOutcome.Valid.class);

    assertThat(f.chain.balanceReads).hasValue(balances);
    assertThat(f.chain.authorizationReads).hasValue(states);
    assertThat(f.chain.simulations).hasValue(runs);
  }

  @Test
  void givenAVerifiedPayment_whenTheBalanceDropsInTheNextBlock_thenVerifySeesIt() {
    SettlePaymentCommand c = valid();
    assertThat(verify(c)).isInstanceOf(VerifyOutcome.Valid.class);
    f.chain.setTokenBalance(Fixture.USDC, f.user.address(), 999);
    f.chain.blockNumber++;

    assertThat(faultOf(verify(c))).isEqualTo(PaymentFault.INSUFFICIENT_BALANCE);
  }

  // Two settles of one payment, A and B, interleaved deterministically: B checks the journal
  // before A takes the payment, then A journals and sends it, and its transaction changes the
  // chain while (or before) B reads it. Whatever B's reads say, B answers duplicate_settlement with
  // A's transaction and sends nothing. (HttpFacilitatorTest once saw B answer
  // invalid_exact_evm_transaction_simulation_failed: anvil mined A's transaction between the
  // authorizationState and the eth_call of B's batch.)

  @Test
  void givenSettleARacingSettleB_whenBReadsTheChainAfterAsTransaction_thenBIsADuplicateOfA() {
    SettlePaymentCommand c = valid();
    AtomicReference<SettleOutcome> a = new AtomicReference<>();
    f.chain.beforeNextPaymentState.set(() -> a.set(settledOnChain(c)));

    SettleOutcome b = f.payments.settle(c);

    assertDuplicateOf(b, a.get());
  }

  @Test
  void givenSettleARacingSettleB_whenBsBatchStraddlesAsBlock_thenBIsADuplicateOfA() {
    SettlePaymentCommand c = valid();
    AtomicReference<SettleOutcome> a = new AtomicReference<>();
    f.chain.withinNextPaymentState.set(() -> a.set(settledOnChain(c)));

    SettleOutcome b = f.payments.settle(c);

    assertDuplicateOf(b, a.get());
  }

  @Test
  void givenSettleARacingSettleB_whenAsTransferSpentTheWholeBalance_thenBIsADuplicateOfA() {
    SettlePaymentCommand c = valid();
    f.chain.setTokenBalance(Fixture.USDC, f.user.address(), 1_000);
    AtomicReference<SettleOutcome> a = new AtomicReference<>();
    f.chain.withinNextPaymentState.set(() -> a.set(settledOnChain(c)));

    SettleOutcome b = f.payments.settle(c);

    assertDuplicateOf(b, a.get());
  }

  @Test
  void givenAnAuthorizationUsedOnChainBySomeoneElse_whenSettled_thenNonceAlreadyUsedNothingSent() {
    SettlePaymentCommand c = valid();
    f.chain.beforeNextPaymentState.set(() -> usedOnChainBySomeoneElse(c));

    SettleOutcome outcome = f.payments.settle(c);

    assertNonceUsedAndNothingSent(outcome);
  }

  @Test
  void givenAnAuthorizationUsedBySomeoneElseWhileTheBatchReads_whenSettled_thenNonceAlreadyUsed() {
    SettlePaymentCommand c = valid();
    f.chain.withinNextPaymentState.set(() -> usedOnChainBySomeoneElse(c));

    SettleOutcome outcome = f.payments.settle(c);

    assertNonceUsedAndNothingSent(outcome);
  }

  @Test
  void givenAVerifiedPayment_whenSettledInTheSameBlock_thenSettleReadsTheChainAgain() {
    SettlePaymentCommand c = valid();
    verify(c);
    int reads = f.chain.paymentStateReads.get();

    f.payments.settle(c);

    assertThat(f.chain.paymentStateReads).hasValue(reads + 1);
  }

  /** Settle A of {@code c}, and what its transaction does to the chain once mined. */
  private SettleOutcome settledOnChain(SettlePaymentCommand c) {
    SettleOutcome outcome = f.payments.settle(c);
    TransferAuthorization a = c.payload().payment().authorization();
    BigInteger balance = f.chain.tokenBalance(Fixture.USDC, a.from());
    f.chain.setTokenBalance(Fixture.USDC, a.from(), balance.subtract(a.value()).longValueExact());
    usedOnChainBySomeoneElse(c);
    return outcome;
  }

  /** {@code c}'s authorization used on chain, not through this facilitator. */
  private void usedOnChainBySomeoneElse(SettlePaymentCommand c) {
    TransferAuthorization a = c.payload().payment().authorization();
    f.chain.useAuthorization(Fixture.USDC, a.from(), a.nonce());
    f.chain.jobRevert = Optional.of("FiatTokenV2: authorization is used or canceled");
  }

  private void assertDuplicateOf(SettleOutcome b, SettleOutcome a) {
    assertThat(a).isInstanceOf(SettleOutcome.Settled.class);
    assertThat(b)
        .isInstanceOfSatisfying(
            SettleOutcome.Duplicate.class,
            duplicate ->
                assertThat(duplicate.transaction())
                    .contains(((SettleOutcome.Settled) a).transaction()));
    assertThat(f.engine.executed).hasSize(1);
  }

  private void assertNonceUsedAndNothingSent(SettleOutcome outcome) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            SettleOutcome.Failed.class,
            failed -> {
              assertThat(failed.fault()).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
              assertThat(failed.fault().code(2)).isEqualTo("invalid_exact_evm_nonce_already_used");
              assertThat(failed.transaction()).isEmpty();
            });
    assertThat(f.engine.executed).isEmpty();
    assertThat(f.journal.recent(Optional.empty(), 10)).isEmpty();
  }
}
