package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.testfixtures.FakeEngine;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmitRelayServiceTest {
  private final Fixture f = new Fixture();

  private SubmitOutcome submit(RelayRequest request) {
    return f.relay.submit(new SubmitRelayCommand(request));
  }

  private FeeQuote quoteFor(MetaTransaction call) {
    SubmitOutcome outcome = submit(f.unpaid(call));
    assertThat(outcome).isInstanceOf(SubmitOutcome.PaymentRequired.class);
    return ((SubmitOutcome.PaymentRequired) outcome).quote();
  }

  /** {@code a} with another {@code validBefore}. */
  private static TransferAuthorization validUntil(TransferAuthorization a, BigInteger validBefore) {
    return new TransferAuthorization(
        a.from(), a.to(), a.value(), a.validAfter(), validBefore, a.nonce());
  }

  private RejectionCode rejectionOf(SubmitOutcome outcome) {
    assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
    return ((SubmitOutcome.Rejected) outcome).rejection().code();
  }

  @Test
  void givenAPassedDeadline_whenSubmitted_thenExpiredAndNothingSent() {
    MetaTransaction call =
        new MetaTransaction(
            Fixture.TARGET,
            Fixture.CALL,
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() - 1));

    assertThat(rejectionOf(submit(f.unpaid(call)))).isEqualTo(RejectionCode.EXPIRED);
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenASignatureByAnotherKey_whenSubmitted_thenInvalidSignature() {
    MetaTransaction call = f.call(0);
    Signature other = Keys.of(2).sign(call.digest(f.forwarder));

    SubmitOutcome outcome =
        submit(new RelayRequest(f.user.address(), call, other, Optional.empty()));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.INVALID_SIGNATURE);
  }

  @Test
  void givenASignatureForAnotherChain_whenSubmitted_thenInvalidSignature() {
    MetaTransaction call = f.call(0);
    ForwarderDomain mainnet = ForwarderDomain.of(ChainId.CRONOS_MAINNET, Fixture.FORWARDER);

    SubmitOutcome outcome =
        submit(
            new RelayRequest(
                f.user.address(), call, f.user.sign(call.digest(mainnet)), Optional.empty()));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.INVALID_SIGNATURE);
  }

  @Test
  void givenASignatureForAnotherForwarder_whenSubmitted_thenInvalidSignature() {
    MetaTransaction call = f.call(0);
    ForwarderDomain elsewhere = ForwarderDomain.of(Fixture.CHAIN, Fixture.TARGET);

    SubmitOutcome outcome =
        submit(
            new RelayRequest(
                f.user.address(), call, f.user.sign(call.digest(elsewhere)), Optional.empty()));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.INVALID_SIGNATURE);
  }

  @Test
  void givenAHighSSignature_whenSubmitted_thenInvalidSignature() {
    MetaTransaction call = f.call(0);
    byte[] sig = f.user.sign(call.digest(f.forwarder)).bytes();
    BigInteger n =
        new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] highS = n.subtract(s).toByteArray();
    byte[] malleated = sig.clone();
    java.util.Arrays.fill(malleated, 32, 64, (byte) 0);
    System.arraycopy(
        highS,
        Math.max(0, highS.length - 32),
        malleated,
        64 - Math.min(32, highS.length),
        Math.min(32, highS.length));
    malleated[64] = (byte) (sig[64] == 27 ? 28 : 27);

    SubmitOutcome outcome =
        submit(new RelayRequest(f.user.address(), call, Signature.of(malleated), Optional.empty()));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.INVALID_SIGNATURE);
  }

  @Test
  void givenAUsedNonce_whenSubmitted_thenNonceMismatch() {
    f.chain.forwarderNonces.put(f.user.address(), BigInteger.valueOf(3));

    assertThat(rejectionOf(submit(f.unpaid(f.call(2))))).isEqualTo(RejectionCode.NONCE_MISMATCH);
  }

  @Test
  void givenANonceGap_whenSubmitted_thenNonceMismatchNamingTheExpectedNonce() {
    SubmitOutcome outcome = submit(f.unpaid(f.call(1)));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.NONCE_MISMATCH);
    assertThat(((SubmitOutcome.Rejected) outcome).rejection().details())
        .containsEntry("expected", "0");
  }

  @Test
  void givenNoPayment_whenSubmitted_thenPaymentRequiredWithAQuoteForThisCall() {
    MetaTransaction call = f.call(0);

    FeeQuote quote = quoteFor(call);

    assertThat(quote.digest()).isEqualTo(call.digest(f.forwarder));
    assertThat(quote.paymentAuthorization().nonce()).isEqualTo(quote.digest());
    assertThat(quote.paymentAuthorization().to()).isEqualTo(Fixture.FORWARDER);
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenAStalePrice_whenPaymentIsRequired_thenUnavailableNotAGuess() {
    f.clock.advance(Duration.ofMinutes(6));

    assertThat(rejectionOf(submit(f.unpaid(f.call(0))))).isEqualTo(RejectionCode.UNAVAILABLE);
  }

  @Test
  void givenAFeeToAnotherAddress_whenSubmitted_thenInvalidRequestNamingTheField() {
    FeeQuote quote = quoteFor(f.call(0));
    TransferAuthorization a = quote.paymentAuthorization();
    TransferAuthorization elsewhere =
        new TransferAuthorization(
            a.from(), Fixture.TARGET, a.value(), a.validAfter(), a.validBefore(), a.nonce());

    SubmitOutcome outcome = submit(f.paid(quote.metaTransaction(), elsewhere));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.INVALID_REQUEST);
    assertThat(((SubmitOutcome.Rejected) outcome).rejection().details())
        .containsKey("payment.authorization.to");
  }

  @Test
  void givenAFeeBoundToAnotherCall_whenSubmitted_thenInvalidRequest() {
    FeeQuote quote = quoteFor(f.call(0));
    TransferAuthorization a = quote.paymentAuthorization();
    TransferAuthorization unbound =
        new TransferAuthorization(
            a.from(), a.to(), a.value(), a.validAfter(), a.validBefore(), Hash32.of(new byte[32]));

    assertThat(rejectionOf(submit(f.paid(quote.metaTransaction(), unbound))))
        .isEqualTo(RejectionCode.INVALID_REQUEST);
  }

  @Test
  void givenAFeeValidPastTheDeadline_whenSubmitted_thenInvalidRequest() {
    FeeQuote quote = quoteFor(f.call(0));
    TransferAuthorization a = quote.paymentAuthorization();
    TransferAuthorization longer = validUntil(a, a.validBefore().add(BigInteger.ONE));

    assertThat(rejectionOf(submit(f.paid(quote.metaTransaction(), longer))))
        .isEqualTo(RejectionCode.INVALID_REQUEST);
  }

  @Test
  void givenAnExpiredQuoteAndARisenPrice_whenPaidTheOldAmount_thenPaymentRequiredWithANewQuote() {
    FeeQuote quote = quoteFor(f.call(0));
    f.clock.advance(Duration.ofMinutes(3));
    f.price =
        Optional.of(
            new io.crogas.domain.model.CroUsdPrice(
                new java.math.BigDecimal("0.20"), "test", f.clock.instant()));

    SubmitOutcome outcome = submit(f.paid(quote));

    assertThat(outcome).isInstanceOf(SubmitOutcome.PaymentRequired.class);
    FeeQuote fresh = ((SubmitOutcome.PaymentRequired) outcome).quote();
    assertThat(fresh.amount().atomic()).isGreaterThan(quote.amount().atomic());
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenAnExpiredQuoteButAnUnchangedPrice_whenPaidTheOldAmount_thenAccepted() {
    FeeQuote quote = quoteFor(f.call(0));
    f.clock.advance(Duration.ofMinutes(3));
    f.price =
        Optional.of(
            new io.crogas.domain.model.CroUsdPrice(
                new java.math.BigDecimal("0.10"), "test", f.clock.instant()));

    assertThat(submit(f.paid(quote))).isInstanceOf(SubmitOutcome.Accepted.class);
  }

  @Test
  void givenAnAmountBelowTheQuote_whenSubmitted_thenPaymentRequired() {
    FeeQuote quote = quoteFor(f.call(0));
    TransferAuthorization a = quote.paymentAuthorization();
    TransferAuthorization less =
        new TransferAuthorization(
            a.from(),
            a.to(),
            a.value().subtract(BigInteger.ONE),
            a.validAfter(),
            a.validBefore(),
            a.nonce());

    assertThat(submit(f.paid(quote.metaTransaction(), less)))
        .isInstanceOf(SubmitOutcome.PaymentRequired.class);
  }

  @Test
  void givenAFeeSignedByAnotherKey_whenSubmitted_thenInvalidSignature() {
    FeeQuote quote = quoteFor(f.call(0));
    TransferAuthorization a = quote.paymentAuthorization();
    RelayRequest honest = f.paid(quote);
    RelayRequest forged =
        new RelayRequest(
            honest.user(),
            honest.metaTransaction(),
            honest.signature(),
            Optional.of(
                new io.crogas.domain.model.SignedAuthorization(
                    a, Keys.of(9).sign(a.receiveDigest(f.usdc)))));

    assertThat(rejectionOf(submit(forged))).isEqualTo(RejectionCode.INVALID_SIGNATURE);
  }

  @Test
  void givenTooLittleUsdc_whenSubmitted_thenInsufficientBalance() {
    FeeQuote quote = quoteFor(f.call(0));
    f.chain.setTokenBalance(
        Fixture.USDC, f.user.address(), quote.amount().atomic().longValueExact() - 1);

    assertThat(rejectionOf(submit(f.paid(quote)))).isEqualTo(RejectionCode.INSUFFICIENT_BALANCE);
  }

  @Test
  void givenACancelledAuthorization_whenSubmitted_thenPaymentRequiredAndNothingSent() {
    FeeQuote quote = quoteFor(f.call(0));
    f.chain.useAuthorization(Fixture.USDC, f.user.address(), quote.digest());

    assertThat(rejectionOf(submit(f.paid(quote)))).isEqualTo(RejectionCode.PAYMENT_REQUIRED);
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenARelayerWithoutCro_whenSubmitted_thenUnavailable() {
    FeeQuote quote = quoteFor(f.call(0));
    f.chain.nativeBalances.clear();

    assertThat(rejectionOf(submit(f.paid(quote)))).isEqualTo(RejectionCode.UNAVAILABLE);
  }

  @Test
  void givenARevertingCall_whenSubmitted_thenSimulationFailedWithTheReason() {
    FeeQuote quote = quoteFor(f.call(0));
    f.chain.jobRevert = Optional.of("UnluckyValue(13)");

    SubmitOutcome outcome = submit(f.paid(quote));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.SIMULATION_FAILED);
    assertThat(((SubmitOutcome.Rejected) outcome).rejection().message())
        .contains("UnluckyValue(13)");
    assertThat(f.journal.recent(Optional.empty(), 10)).isEmpty();
  }

  @Test
  void givenAForbiddenTarget_whenSubmitted_thenForbidden() {
    MetaTransaction call =
        new MetaTransaction(
            Fixture.USDC,
            Fixture.CALL,
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 600));

    assertThat(rejectionOf(submit(f.unpaid(call)))).isEqualTo(RejectionCode.FORBIDDEN);
  }

  @Test
  void givenAnUnknownTier_whenSubmitted_thenInvalidRequest() {
    MetaTransaction call =
        new MetaTransaction(
            Fixture.TARGET,
            Fixture.CALL,
            "ludicrous",
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 600));

    assertThat(rejectionOf(submit(f.unpaid(call)))).isEqualTo(RejectionCode.INVALID_REQUEST);
  }

  @Test
  void givenAPaidQuote_whenSubmitted_thenJournaledBeforeExecutionAndConfirmed() throws Exception {
    FeeQuote quote = quoteFor(f.call(0));

    SubmitOutcome outcome = submit(f.paid(quote));

    assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
    SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) outcome;
    assertThat(accepted.record().state()).isEqualTo(RelayState.VALIDATED);
    assertThat(accepted.record().charge()).isEqualTo(quote.amount());
    assertThat(accepted.completion().toCompletableFuture().get().state())
        .isEqualTo(RelayState.CONFIRMED);
    assertThat(f.journal.find(accepted.record().id()).orElseThrow().history())
        .extracting(e -> e.state())
        .containsExactly(
            RelayState.RECEIVED, RelayState.VALIDATED, RelayState.SUBMITTED, RelayState.CONFIRMED);
  }

  @Test
  void givenTheSameSignedRequestTwice_whenSubmitted_thenExecutedOnceAndTheFirstResultReturned() {
    FeeQuote quote = quoteFor(f.call(0));
    RelayRequest request = f.paid(quote);

    SubmitOutcome first = submit(request);
    f.chain.forwarderNonces.put(f.user.address(), BigInteger.ONE);
    SubmitOutcome second = submit(request);

    assertThat(second).isInstanceOf(SubmitOutcome.Existing.class);
    assertThat(((SubmitOutcome.Existing) second).record().id())
        .isEqualTo(((SubmitOutcome.Accepted) first).record().id());
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void givenTheSameCallWithADifferentPayment_whenResubmitted_thenDuplicate() {
    FeeQuote quote = quoteFor(f.call(0));
    submit(f.paid(quote));
    TransferAuthorization a = quote.paymentAuthorization();
    TransferAuthorization more =
        new TransferAuthorization(
            a.from(),
            a.to(),
            a.value().add(BigInteger.ONE),
            a.validAfter(),
            a.validBefore(),
            a.nonce());

    assertThat(rejectionOf(submit(f.paid(quote.metaTransaction(), more))))
        .isEqualTo(RejectionCode.DUPLICATE);
    assertThat(f.engine.executed).hasSize(1);
  }

  @Test
  void givenARequestInFlight_whenTheNextNonceIsSubmitted_thenPipelined() {
    f.engine.mode = FakeEngine.Mode.HOLD;
    assertThat(submit(f.paid(quoteFor(f.call(0))))).isInstanceOf(SubmitOutcome.Accepted.class);

    assertThat(submit(f.paid(quoteFor(f.call(1))))).isInstanceOf(SubmitOutcome.Accepted.class);
    assertThat(rejectionOf(submit(f.unpaid(f.call(3))))).isEqualTo(RejectionCode.NONCE_MISMATCH);
  }

  @Test
  void givenAnotherUsersAddressClaimed_whenSubmitted_thenInvalidSignature() {
    MetaTransaction call = f.call(0);
    Address victim = Keys.of(5).address();

    SubmitOutcome outcome =
        submit(
            new RelayRequest(
                victim, call, f.user.sign(call.digest(f.forwarder)), Optional.empty()));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.INVALID_SIGNATURE);
  }

  @Test
  void givenTwoUsersSigningTheVerySameCall_whenBothSubmit_thenEachIsExecutedForItself() {
    Keys bob = Keys.of(2);
    f.chain.setTokenBalance(Fixture.USDC, bob.address(), 10_000_000);
    MetaTransaction call = f.call(0);
    FeeQuote aliceQuote = quoteFor(call);
    SubmitOutcome alice = submit(f.paid(aliceQuote));
    TransferAuthorization a = aliceQuote.paymentAuthorization();
    TransferAuthorization bobFee =
        new TransferAuthorization(
            bob.address(), a.to(), a.value(), a.validAfter(), a.validBefore(), a.nonce());
    RelayRequest bobs =
        new RelayRequest(
            bob.address(),
            call,
            bob.sign(call.digest(f.forwarder)),
            Optional.of(
                new io.crogas.domain.model.SignedAuthorization(
                    bobFee, bob.sign(bobFee.receiveDigest(f.usdc)))));

    SubmitOutcome second = submit(bobs);

    assertThat(alice).isInstanceOf(SubmitOutcome.Accepted.class);
    assertThat(second).isInstanceOf(SubmitOutcome.Accepted.class);
    assertThat(((SubmitOutcome.Accepted) second).record().job().payer()).isEqualTo(bob.address());
    assertThat(f.engine.executed).hasSize(2);
  }

  @Test
  void givenADoubleClickThatRacesPastTheFirstLookUp_whenTheNonceLooksTaken_thenTheFirstRecord() {
    FeeQuote quote = quoteFor(f.call(0));
    RelayRequest request = f.paid(quote);
    SubmitOutcome first = submit(request);
    f.engine.mode = FakeEngine.Mode.HOLD;
    io.crogas.domain.port.out.Journal racing = new RacingJournal(f.journal);
    SubmitRelayService second =
        new SubmitRelayService(
            f.settings,
            f.prices,
            f.quoteBook,
            f.chain,
            racing,
            f.engine,
            () -> java.util.List.of(Fixture.RELAYER),
            f.clock,
            f.ids);

    SubmitOutcome outcome = second.submit(new SubmitRelayCommand(request));

    assertThat(outcome).isInstanceOf(SubmitOutcome.Existing.class);
    assertThat(((SubmitOutcome.Existing) outcome).record().id())
        .isEqualTo(((SubmitOutcome.Accepted) first).record().id());
  }

  /** The journal as a second click sees it when it looks just before the first click lands. */
  private static final class RacingJournal implements io.crogas.domain.port.out.Journal {
    private final io.crogas.domain.port.out.Journal real;
    private boolean raced;

    RacingJournal(io.crogas.domain.port.out.Journal real) {
      this.real = real;
    }

    @Override
    public Admission admit(io.crogas.domain.model.RelayRecord record) {
      return real.admit(record);
    }

    @Override
    public boolean update(io.crogas.domain.model.RelayRecord next) {
      return real.update(next);
    }

    @Override
    public java.util.Optional<io.crogas.domain.model.RelayRecord> find(String id) {
      return real.find(id);
    }

    @Override
    public java.util.Optional<io.crogas.domain.model.RelayRecord> findByKey(
        io.crogas.domain.model.IdempotencyKey key) {
      if (!raced) {
        raced = true;
        return java.util.Optional.empty();
      }
      return real.findByKey(key);
    }

    @Override
    public java.util.List<io.crogas.domain.model.RelayRecord> inFlight() {
      return real.inFlight();
    }

    @Override
    public java.util.List<io.crogas.domain.model.RelayRecord> recent(
        java.util.Optional<io.crogas.domain.model.Address> payer, int limit) {
      return real.recent(payer, limit);
    }

    @Override
    public java.util.SortedSet<BigInteger> inFlightNonces(io.crogas.domain.model.Address user) {
      return new java.util.TreeSet<>(java.util.Set.of(BigInteger.ZERO)); // the first click's
    }
  }

  @Test
  void givenADeadlineInsideTheMargin_whenQuotedOrSubmitted_thenExpiredAndNothingSent() {
    MetaTransaction call =
        new MetaTransaction(
            Fixture.TARGET,
            Fixture.CALL,
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 1));

    QuoteOutcome quoted =
        f.quotes.quote(
            new QuoteRelayCommand(
                f.user.address(),
                Fixture.TARGET,
                Fixture.CALL,
                "normal",
                Optional.of(BigInteger.valueOf(f.now() + 29))));

    assertThat(rejectionOf(submit(f.unpaid(call)))).isEqualTo(RejectionCode.EXPIRED);
    assertThat(((QuoteOutcome.Refused) quoted).rejection().code()).isEqualTo(RejectionCode.EXPIRED);
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenAFeeAuthorizationEndingInsideTheMargin_whenSubmitted_thenExpiredAndNothingSent() {
    FeeQuote quote = quoteFor(f.call(0));
    TransferAuthorization shortLived =
        validUntil(quote.paymentAuthorization(), BigInteger.valueOf(f.now() + 10));

    SubmitOutcome outcome = submit(f.paid(quote.metaTransaction(), shortLived));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.EXPIRED);
    assertThat(((SubmitOutcome.Rejected) outcome).rejection().details())
        .containsKey("payment.authorization.validBefore");
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenACallNeedingMoreGasWhenRelayedThanQuoted_whenSubmitted_thenRefusedAndNothingSent() {
    FeeQuote quote = quoteFor(f.call(0));
    f.chain.sentJobGas = Optional.of(quote.gasLimit().add(BigInteger.ONE));

    SubmitOutcome outcome = submit(f.paid(quote));

    assertThat(rejectionOf(outcome)).isEqualTo(RejectionCode.SIMULATION_FAILED);
    assertThat(((SubmitOutcome.Rejected) outcome).rejection().message())
        .contains("above the quoted limit of " + quote.gasLimit());
    assertThat(f.chain.simulatedAs)
        .containsExactly(Fixture.RELAYER + "@" + quote.maxFeePerGas().value());
    assertThat(f.engine.executed).isEmpty();
  }

  @Test
  void givenAPaidQuote_whenAccepted_thenTheJobCarriesTheQuotedGasLimitAndFeeCap() {
    FeeQuote quote = quoteFor(f.call(0));

    SubmitOutcome outcome = submit(f.paid(quote));

    RelayJob job = ((SubmitOutcome.Accepted) outcome).record().job();
    assertThat(job.quotedBudget()).contains(GasBudget.of(quote));
  }

  @Test
  void givenAnAddressWhoseCallsRevertedOnChain_whenItSubmitsAgain_thenSlowedDownThenRefused() {
    for (int k = 0; k < 3; k++) {
      RelayRecord attack =
          StoreSamples.accepted(
              "r-" + k, StoreSamples.forwarderCall(f.user, 100 + k), f.clock.instant());
      f.journal.admit(attack);
      RelayRecord sent = StoreSamples.submitted(attack, StoreSamples.hash(k), f.clock.instant());
      f.journal.update(sent);
      f.journal.update(StoreSamples.confirmed(sent, false, f.clock.instant()));
      if (k == 0) {
        SubmitOutcome slowed = submit(f.paid(quoteFor(f.call(0))));
        assertThat(rejectionOf(slowed)).isEqualTo(RejectionCode.RATE_LIMITED);
        assertThat(((SubmitOutcome.Rejected) slowed).rejection().details())
            .containsEntry("retryAfterSeconds", "300");
      }
      f.clock.advance(Duration.ofMinutes(5));
      f.price =
          Optional.of(new CroUsdPrice(new java.math.BigDecimal("0.10"), "test", f.clock.instant()));
    }

    SubmitOutcome refused = submit(f.paid(quoteFor(f.call(0))));

    assertThat(rejectionOf(refused)).isEqualTo(RejectionCode.RATE_LIMITED);
    assertThat(((SubmitOutcome.Rejected) refused).rejection().details())
        .containsEntry("retryAfterSeconds", "" + Duration.ofMinutes(45).toSeconds());
    assertThat(f.engine.executed).isEmpty();
  }
}
