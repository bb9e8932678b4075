package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.fakes.FakeEngine;
import io.crogas.domain.fakes.Fixture;
import io.crogas.domain.fakes.Keys;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.SettlePayment.SettleOutcome;
import io.crogas.domain.port.in.VerifyPayment.PaymentCommand;
import io.crogas.domain.port.in.VerifyPayment.VerifyOutcome;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.util.Optional;
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

  private PaymentCommand command(int version, TransferAuthorization a, Keys signer, long required) {
    SignedAuthorization signed = new SignedAuthorization(a, signer.sign(a.transferDigest(f.usdc)));
    String network = version == 1 ? "cronos-testnet" : "eip155:338";
    return new PaymentCommand(
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

  private PaymentCommand valid() {
    return command(2, authorization(1_000, 300), f.user, 1_000);
  }

  private PaymentFault faultOf(VerifyOutcome outcome) {
    assertThat(outcome).isInstanceOf(VerifyOutcome.Invalid.class);
    return ((VerifyOutcome.Invalid) outcome).fault();
  }

  @Test
  void givenAnotherScheme_whenVerified_thenUnsupportedScheme() {
    PaymentCommand c = valid();
    PaymentCommand upto =
        new PaymentCommand(
            new PaymentPayload(2, "upto", "eip155:338", c.payload().payment()), c.requirements());

    assertThat(faultOf(f.payments.verify(upto))).isEqualTo(PaymentFault.UNSUPPORTED_SCHEME);
    assertThat(PaymentFault.UNSUPPORTED_SCHEME.code(1)).isEqualTo("unsupported_scheme");
  }

  @Test
  void givenAnotherNetwork_whenVerified_thenNetworkMismatch() {
    PaymentCommand c = valid();
    PaymentCommand base =
        new PaymentCommand(
            new PaymentPayload(2, "exact", "eip155:8453", c.payload().payment()), c.requirements());

    assertThat(faultOf(f.payments.verify(base))).isEqualTo(PaymentFault.NETWORK_MISMATCH);
  }

  @Test
  void givenASignatureByAnotherKey_whenVerified_thenInvalidExactEvmSignature() {
    VerifyOutcome outcome =
        f.payments.verify(command(2, authorization(1_000, 300), Keys.of(3), 1_000));

    assertThat(faultOf(outcome)).isEqualTo(PaymentFault.INVALID_SIGNATURE);
    assertThat(PaymentFault.INVALID_SIGNATURE.code(2)).isEqualTo("invalid_exact_evm_signature");
  }

  @Test
  void givenAWrongTokenName_whenVerified_thenTokenNameMismatch() {
    PaymentCommand c = valid();
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

    assertThat(faultOf(f.payments.verify(new PaymentCommand(c.payload(), renamed))))
        .isEqualTo(PaymentFault.TOKEN_NAME_MISMATCH);
  }

  @Test
  void givenAPaymentToSomeoneElse_whenVerified_thenRecipientMismatch() {
    TransferAuthorization a = authorization(1_000, 300);
    TransferAuthorization elsewhere =
        new TransferAuthorization(
            a.from(), Fixture.TARGET, a.value(), a.validAfter(), a.validBefore(), a.nonce());

    assertThat(faultOf(f.payments.verify(command(2, elsewhere, f.user, 1_000))))
        .isEqualTo(PaymentFault.RECIPIENT_MISMATCH);
  }

  @Test
  void givenAnAuthorizationExpiringWithinSixSeconds_whenVerified_thenValidBefore() {
    assertThat(faultOf(f.payments.verify(command(2, authorization(1_000, 5), f.user, 1_000))))
        .isEqualTo(PaymentFault.VALID_BEFORE);
  }

  @Test
  void givenAnAmountOtherThanRequired_whenVerifiedAsV2_thenAuthorizationValue() {
    assertThat(faultOf(f.payments.verify(command(2, authorization(1_001, 300), f.user, 1_000))))
        .isEqualTo(PaymentFault.AUTHORIZATION_VALUE);
  }

  @Test
  void givenMoreThanTheMaximum_whenVerifiedAsV1_thenValidButLessIsNot() {
    assertThat(f.payments.verify(command(1, authorization(1_001, 300), f.user, 1_000)))
        .isInstanceOf(VerifyOutcome.Valid.class);
    assertThat(faultOf(f.payments.verify(command(1, authorization(999, 300), f.user, 1_000))))
        .isEqualTo(PaymentFault.AUTHORIZATION_VALUE);
    assertThat(PaymentFault.AUTHORIZATION_VALUE.code(1))
        .isEqualTo("invalid_exact_evm_payload_authorization_value");
  }

  @Test
  void givenAUsedAuthorization_whenVerified_thenNonceAlreadyUsed() {
    PaymentCommand c = valid();
    TransferAuthorization a = c.payload().payment().authorization();
    f.chain.useAuthorization(Fixture.USDC, a.from(), a.nonce());

    assertThat(faultOf(f.payments.verify(c))).isEqualTo(PaymentFault.NONCE_ALREADY_USED);
  }

  @Test
  void givenTooLittleBalance_whenVerified_thenInsufficientBalance() {
    f.chain.setTokenBalance(Fixture.USDC, f.user.address(), 999);

    assertThat(faultOf(f.payments.verify(valid()))).isEqualTo(PaymentFault.INSUFFICIENT_BALANCE);
    assertThat(PaymentFault.INSUFFICIENT_BALANCE.code(1)).isEqualTo("insufficient_funds");
  }

  @Test
  void givenARevertingTransfer_whenVerified_thenSimulationFailed() {
    f.chain.jobRevert = Optional.of("paused");

    assertThat(faultOf(f.payments.verify(valid()))).isEqualTo(PaymentFault.SIMULATION_FAILED);
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
        new PaymentService(onlyTarget, f.chain, f.journal, f.engine, f.clock);

    assertThat(faultOf(restricted.verify(valid()))).isEqualTo(PaymentFault.PAYEE_NOT_ALLOWED);
  }

  @Test
  void givenAValidPayment_whenVerified_thenValidWithThePayer() {
    assertThat(f.payments.verify(valid())).isEqualTo(new VerifyOutcome.Valid(f.user.address()));
  }

  @Test
  void givenAValidPayment_whenSettledTwice_thenOneTransferAndTheSameHash() {
    PaymentCommand c = valid();

    SettleOutcome first = f.payments.settle(c);
    SettleOutcome second = f.payments.settle(c);

    assertThat(first).isInstanceOf(SettleOutcome.Settled.class);
    assertThat(second).isEqualTo(first);
    assertThat(f.engine.executed).hasSize(1);
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
    assertThat(f.payments.settle(valid())).isEqualTo(outcome);
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void givenATransferThatRevertsOnChain_whenSettled_thenTransactionFailedWithItsHash() {
    f.engine.mode = FakeEngine.Mode.REVERT;

    SettleOutcome outcome = f.payments.settle(valid());

    assertThat(outcome).isInstanceOf(SettleOutcome.Failed.class);
    assertThat(((SettleOutcome.Failed) outcome).fault()).isEqualTo(PaymentFault.TRANSACTION_FAILED);
    assertThat(((SettleOutcome.Failed) outcome).transaction()).isPresent();
  }
}
