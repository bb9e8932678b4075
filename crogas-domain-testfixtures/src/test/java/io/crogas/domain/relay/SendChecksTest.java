package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The checks right before a send, and what the node's answer to that send means. */
class SendChecksTest {
  private final SendChecks checks =
      new SendChecks(StoreSamples.USDC.token(), Duration.ofSeconds(10));
  private final RelayJob.ForwarderCall call = StoreSamples.forwarderCall(Keys.of(1), 0);
  private final long deadline = call.request().metaTransaction().deadline().longValueExact();

  @Test
  void givenADeadlineInsideTheMargin_whenChecked_thenRefusedBeforeAnythingIsRead() {
    assertThat(checks.timing(call, Instant.ofEpochSecond(deadline - 10))).isEmpty();
    assertThat(checks.timing(call, Instant.ofEpochSecond(deadline - 9)))
        .hasValueSatisfying(why -> assertThat(why).startsWith("the deadline " + deadline));
  }

  @Test
  void givenAnAuthorizationExpiringInsideTheMargin_whenChecked_thenRefused() {
    RelayJob.TokenTransfer transfer = StoreSamples.tokenTransfer(Keys.of(1), 1);
    TransferAuthorization authorization = transfer.transfer().authorization();
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    RelayJob.TokenTransfer expiring =
        new RelayJob.TokenTransfer(
            transfer.token(),
            new io.crogas.domain.model.SignedAuthorization(
                new TransferAuthorization(
                    authorization.from(),
                    authorization.to(),
                    authorization.value(),
                    authorization.validAfter(),
                    BigInteger.valueOf(now.getEpochSecond() + 9),
                    authorization.nonce()),
                transfer.transfer().signature()));

    assertThat(checks.timing(expiring, now))
        .hasValueSatisfying(why -> assertThat(why).contains("payment authorization expires"));
  }

  @Test
  void givenAPayment_whenItsStateIsRead_thenTheFeeTokenForACallAndTheTransfersOwnToken() {
    assertThat(checks.payment(call))
        .isEqualTo(new SendChecks.Payment(StoreSamples.USDC.token(), call.fee().authorization()));
    RelayJob.TokenTransfer transfer = StoreSamples.tokenTransfer(Keys.of(2), 1);
    assertThat(checks.payment(transfer).payer()).isEqualTo(Keys.of(2).address());
  }

  @Test
  void givenAnAuthorizationUsedOrABalanceShort_whenJudged_thenRefusedElseFine() {
    SendChecks.Payment payment = checks.payment(call);
    BigInteger value = payment.authorization().value();

    assertThat(checks.funds(payment, true, value))
        .hasValueSatisfying(why -> assertThat(why).contains("cancelled or used"));
    assertThat(checks.funds(payment, false, value.subtract(BigInteger.ONE)))
        .hasValueSatisfying(why -> assertThat(why).contains("fell below the payment " + value));
    assertThat(checks.funds(payment, false, value)).isEmpty();
  }

  @Test
  void givenEachAnswerToAJobsSend_whenJudged_thenOnlyRefusalsEndTheJobAndNoFundsMovesIt() {
    assertThat(SendVerdict.of(new SendResult.InsufficientFunds()))
        .isEqualTo(new SendVerdict.MoveToAnotherKey());
    assertThat(SendVerdict.of(new SendResult.Rejected("intrinsic gas too low")))
        .isEqualTo(
            new SendVerdict.Abandon("the node refused the transaction: intrinsic gas too low"));
    for (SendResult maybeOut :
        new SendResult[] {
          new SendResult.Accepted(),
          new SendResult.AlreadyKnown(),
          new SendResult.NonceTooLow(),
          new SendResult.Underpriced(),
          new SendResult.Unreachable("an error CroGas does not know")
        }) {
      assertThat(SendVerdict.of(maybeOut)).isEqualTo(new SendVerdict.Watch());
      assertThat(SendVerdict.refused(maybeOut)).isFalse();
    }
  }
}
