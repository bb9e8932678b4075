package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.testfixtures.Fixture;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuoteRelayServiceTest {
  private final Fixture f = new Fixture();

  private QuoteOutcome quote(String tier, Optional<BigInteger> deadline) {
    return f.quotes.quote(
        new QuoteRelayCommand(f.user.address(), Fixture.TARGET, Fixture.CALL, tier, deadline));
  }

  private RejectionCode refusal(QuoteOutcome outcome) {
    assertThat(outcome).isInstanceOf(QuoteOutcome.Refused.class);
    return ((QuoteOutcome.Refused) outcome).rejection().code();
  }

  @Test
  void givenARevertingCall_whenQuoted_thenSimulationFailed() {
    f.chain.callRevert = Optional.of("UnluckyValue(13)");

    assertThat(refusal(quote("normal", Optional.empty())))
        .isEqualTo(RejectionCode.SIMULATION_FAILED);
  }

  @Test
  void givenACallAboveTheGasCap_whenQuoted_thenForbidden() {
    f.chain.callGas = BigInteger.valueOf(10_000_000);

    assertThat(refusal(quote("normal", Optional.empty()))).isEqualTo(RejectionCode.FORBIDDEN);
  }

  @Test
  void givenAPastDeadline_whenQuoted_thenExpired() {
    assertThat(refusal(quote("normal", Optional.of(BigInteger.valueOf(f.now() - 10)))))
        .isEqualTo(RejectionCode.EXPIRED);
  }

  @Test
  void givenNoPrice_whenQuoted_thenUnavailable() {
    f.price = Optional.empty();

    assertThat(refusal(quote("normal", Optional.empty()))).isEqualTo(RejectionCode.UNAVAILABLE);
  }

  @Test
  void givenAUser_whenQuoted_thenTheNextNonceADefaultDeadlineAndRecorded() {
    f.chain.forwarderNonces.put(f.user.address(), BigInteger.valueOf(4));

    FeeQuote quote = ((QuoteOutcome.Quoted) quote("normal", Optional.empty())).quote();

    assertThat(quote.metaTransaction().nonce()).isEqualTo(BigInteger.valueOf(4));
    assertThat(quote.metaTransaction().deadline()).isEqualTo(BigInteger.valueOf(f.now() + 1800));
    assertThat(f.quoteBook.latestFor(quote.digest())).contains(quote);
    assertThat(quote.gasLimit()).isEqualTo(BigInteger.valueOf(168_000)); // (50000 + 90000) x 1.2
  }

  @Test
  void givenAHigherTier_whenQuoted_thenItCostsMore() {
    FeeQuote slow = ((QuoteOutcome.Quoted) quote("slow", Optional.empty())).quote();
    FeeQuote fast = ((QuoteOutcome.Quoted) quote("fast", Optional.empty())).quote();

    assertThat(fast.maxFeePerGas()).isGreaterThan(slow.maxFeePerGas());
    assertThat(fast.amount()).isGreaterThan(slow.amount());
  }

  @Test
  void givenAQuote_whenItsDocumentsAreHashed_thenTheyAreTheDigestsTheRulesCheck() {
    FeeQuote quote = ((QuoteOutcome.Quoted) quote("normal", Optional.empty())).quote();

    assertThat(TypedDataEncoder.digest(quote.metaTransaction().typedData(f.forwarder)))
        .isEqualTo(quote.digest().bytes());
    assertThat(TypedDataEncoder.digest(quote.paymentAuthorization().receiveTypedData(f.usdc)))
        .isEqualTo(quote.paymentAuthorization().receiveDigest(f.usdc).bytes());
  }

  @Test
  void givenCalldata_whenForwarded_thenTheUserIsAppendedAsErc2771Requires() {
    Calldata forwarded = QuoteIssuer.erc2771(Fixture.CALL, f.user.address());

    assertThat(forwarded.hex())
        .isEqualTo(
            Fixture.CALL.hex()
                + f.user.address().value().substring(2).toLowerCase(java.util.Locale.ROOT));
  }
}
