package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.relay.WatchPolicy.LateLook;
import io.crogas.domain.relay.WatchPolicy.NextSend;
import io.crogas.domain.relay.WatchPolicy.Passed;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The watch's decisions, one tick at a time: no thread, no clock but the instants given. */
class WatchPolicyTest {
  private static final Instant T0 = StoreSamples.T0;
  private static final Duration REPLACE_AFTER = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final long NONCE = 7;

  private final WatchPolicy policy =
      new WatchPolicy(new ReplacementPolicy(10, 2, Wei.gwei(1_000_000)), REPLACE_AFTER, GRACE);

  private static TransactionDraft draft(Optional<RelayJob> job) {
    return new TransactionDraft(
        StoreSamples.RELAYER,
        ChainId.CRONOS_TESTNET,
        NONCE,
        job,
        BigInteger.valueOf(200_000),
        Wei.gwei(6_250),
        Wei.gwei(1),
        true);
  }

  private static SignedTransaction signed(long seed) {
    return StoreSamples.signed(StoreSamples.RELAYER, NONCE, seed);
  }

  private static WatchedNonce sent(TransactionDraft draft, SendResult answer) {
    return WatchedNonce.sent(NONCE, Optional.of("r-1"), draft, List.of(signed(1)), T0, answer);
  }

  private static WatchedNonce accepted() {
    return sent(draft(Optional.empty()), new SendResult.Accepted());
  }

  /** Sent when the base fee had passed its fee cap: the node refused it. */
  private static WatchedNonce refusedForItsFeeCap() {
    return sent(
        draft(Optional.empty()),
        new SendResult.Rejected("max fee per gas less than block base fee"));
  }

  @Test
  void givenAPooledNonce_whenLessThanReplaceAfterPassed_thenNothingIsSent() {
    assertThat(policy.next(accepted(), NONCE + 1, T0.plusSeconds(29)))
        .isEqualTo(new NextSend.Wait());
  }

  @Test
  void givenANonceTheNodeNoLongerHolds_whenATenthOfThePeriodPassed_thenItsBytesAreSentAgain() {
    WatchedNonce dropped = accepted(); // the node's pending nonce is back at it

    assertThat(policy.next(dropped, NONCE, T0.plusSeconds(2))).isEqualTo(new NextSend.Wait());
    assertThat(policy.next(dropped, NONCE, T0.plusSeconds(3)))
        .isEqualTo(new NextSend.Resend(false));
  }

  @Test
  void givenASendThatMayNotHaveArrived_whenRested_thenSentAgainWhateverThePendingNonce() {
    WatchedNonce unreachable = sent(draft(Optional.empty()), new SendResult.Unreachable("timeout"));

    assertThat(policy.next(unreachable, NONCE + 5, T0.plusSeconds(3)))
        .isEqualTo(new NextSend.Resend(false));
  }

  @Test
  void givenARefusedSendTheNodeDoesNotHold_whenWithinThePeriod_thenNotResentUntilItEnds() {
    WatchedNonce refused = sent(draft(Optional.empty()), new SendResult.InsufficientFunds());

    assertThat(policy.next(refused, NONCE, T0.plusSeconds(10))).isEqualTo(new NextSend.Wait());
    assertThat(policy.next(refused, NONCE, T0.plusSeconds(30)))
        .isEqualTo(new NextSend.Resend(true));
  }

  @Test
  void givenAStuckNonce_whenReplaceAfterPassed_thenReplacedWithBothFeesBumpedByTheRule() {
    NextSend next = policy.next(accepted(), NONCE + 1, T0.plus(REPLACE_AFTER));

    assertThat(next)
        .isEqualTo(
            new NextSend.Replace(
                draft(Optional.empty())
                    .withFees(Wei.gwei(6_875), new Wei(BigInteger.valueOf(1_100_000_000)))));
  }

  @Test
  void givenTheLastReplacementAllowed_whenItWaitedAgain_thenItsBytesAreResentAndTheWaitRestarts() {
    WatchedNonce nonce = accepted();
    for (int i = 1; i <= 2; i++) {
      Instant at = T0.plus(REPLACE_AFTER.multipliedBy(i));
      TransactionDraft bumped = ((NextSend.Replace) policy.next(nonce, NONCE + 1, at)).bumped();
      nonce = nonce.replacement(bumped, signed(1 + i), new SendResult.Accepted(), at);
    }

    assertThat(nonce.replacements()).isEqualTo(2);
    assertThat(policy.next(nonce, NONCE + 1, T0.plus(REPLACE_AFTER.multipliedBy(3))))
        .isEqualTo(new NextSend.Resend(true));
  }

  @Test
  void givenAJobQuotedJustAboveItsFeeCap_whenItWaited_thenNeverReplacedAboveTheQuote() {
    RelayJob.ForwarderCall tight =
        StoreSamples.quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 400_000, 6_500);
    WatchedNonce nonce = sent(draft(Optional.of(tight)), new SendResult.Accepted());

    assertThat(policy.next(nonce, NONCE + 1, T0.plus(REPLACE_AFTER)))
        .isEqualTo(new NextSend.Resend(true));
  }

  @Test
  void givenAPooledNonceTheBaseFeeHasPassed_whenOverdue_thenRebidAtWhatASendWouldBidNow() {
    WatchedNonce nonce = accepted(); // fee cap 6,250 gwei; full blocks took the base fee above it
    FeeMarket market = new FeeMarket(Wei.gwei(7_000), Wei.gwei(1), true);

    assertThat(policy.overdue(nonce, T0.plusSeconds(2))).isFalse();
    assertThat(policy.overdue(nonce, T0.plusSeconds(3))).isTrue();
    assertThat(policy.repriced(nonce, market, new Fees(Wei.gwei(8_750), Wei.gwei(1))))
        .contains(
            draft(Optional.empty())
                .withFees(Wei.gwei(8_750), new Wei(BigInteger.valueOf(1_100_000_000))));
  }

  @Test
  void givenANonceTheNodeDroppedAndThenRefusedForItsFeeCap_whenOverdue_thenRebidNotLeftRefused() {
    // The base fee passed the fee cap; the node dropped the transaction, and re-sending the same
    // bytes is refused ("max fee per gas less than block base fee"): only a re-bid can land it.
    WatchedNonce refused = refusedForItsFeeCap();
    FeeMarket market = new FeeMarket(Wei.gwei(7_000), Wei.gwei(1), true);

    assertThat(policy.overdue(refused, T0.plusSeconds(3))).isTrue();
    assertThat(policy.repriced(refused, market, new Fees(Wei.gwei(8_750), Wei.gwei(1))))
        .contains(
            draft(Optional.empty())
                .withFees(Wei.gwei(8_750), new Wei(BigInteger.valueOf(1_100_000_000))));
  }

  @Test
  void givenANonceRefusedForItsFeeCap_whenTheBaseFeeFellBackUnderIt_thenReadmittedAtOnce() {
    WatchedNonce refused = refusedForItsFeeCap();

    // 5,555 gwei may rise to 6,250 in the next block: the cap of 6,250 is taken again.
    assertThat(policy.readmitted(refused, new FeeMarket(Wei.gwei(5_555), Wei.gwei(1), true)))
        .isTrue();
    assertThat(policy.readmitted(refused, new FeeMarket(Wei.gwei(5_600), Wei.gwei(1), true)))
        .as("still priced out")
        .isFalse();
    assertThat(policy.readmitted(accepted(), new FeeMarket(Wei.gwei(5_000), Wei.gwei(1), true)))
        .as("pooled, not refused")
        .isFalse();
    assertThat(policy.readmitted(refused, new FeeMarket(Wei.gwei(5_000), Wei.ZERO, false)))
        .as("a legacy chain's refusal is not the base fee's")
        .isFalse();
  }

  @Test
  void givenARefusedNonce_whenItsRebidIsTaken_thenNoLongerRefused() {
    WatchedNonce refused = refusedForItsFeeCap();
    TransactionDraft rebid = draft(Optional.empty()).withFees(Wei.gwei(8_750), Wei.gwei(2));

    WatchedNonce after =
        refused.replacement(rebid, signed(2), new SendResult.Accepted(), T0.plusSeconds(3));

    assertThat(after.refused()).isFalse();
    assertThat(after.draft()).isEqualTo(rebid);
  }

  @Test
  void givenAPooledNonceTheNextBlockCannotPrice_whenChecked_thenLeftToThePeriodicReplacement() {
    // 5,555 gwei can rise to at most 6,250 (+1/8) in the next block: the cap of 6,250 still holds.
    FeeMarket market = new FeeMarket(Wei.gwei(5_555), Wei.gwei(1), true);

    assertThat(policy.repriced(accepted(), market, new Fees(Wei.gwei(7_800), Wei.gwei(1))))
        .isEmpty();
  }

  @Test
  void givenACapEqualToTheLatestBaseFee_whenTheNextBlockMayChargeMore_thenRebid() {
    // After a full block the next one charges up to 12.5% more: nodes refuse or leave out a cap
    // of exactly the latest base fee, so it is re-bid as one already passed.
    FeeMarket market = new FeeMarket(Wei.gwei(6_250), Wei.gwei(1), true);

    assertThat(policy.repriced(accepted(), market, new Fees(Wei.gwei(7_813), Wei.gwei(1))))
        .contains(
            draft(Optional.empty())
                .withFees(Wei.gwei(7_813), new Wei(BigInteger.valueOf(1_100_000_000))));
  }

  @Test
  void givenAPricedOutNonce_whenEvenAFreshBidStaysBelowTheBaseFee_thenNotRebid() {
    FeeMarket market = new FeeMarket(Wei.gwei(7_000), Wei.gwei(1), true);
    RelayJob.ForwarderCall tight =
        StoreSamples.quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 400_000, 6_500);
    WatchedNonce quoted = sent(draft(Optional.of(tight)), new SendResult.Accepted());

    // The relayer's ceiling holds the fresh bid under the base fee: nothing to gain by replacing.
    assertThat(policy.repriced(accepted(), market, new Fees(Wei.gwei(6_900), Wei.gwei(1))))
        .isEmpty();
    // The payer's quote allows no more than 6,500 gwei: never re-bid above it.
    assertThat(policy.repriced(quoted, market, new Fees(Wei.gwei(8_750), Wei.gwei(1)))).isEmpty();
  }

  @Test
  void givenALegacyChain_whenItsGasPriceRose_thenNotRepriced() {
    FeeMarket market = new FeeMarket(Wei.gwei(7_000), Wei.ZERO, false);

    assertThat(policy.repriced(accepted(), market, new Fees(Wei.gwei(8_750), Wei.ZERO))).isEmpty();
  }

  @Test
  void givenAPassedNonceWithAReceipt_whenSettled_thenMined() {
    Receipt receipt =
        new Receipt(signed(1).hash(), 9, BigInteger.valueOf(21_000), Wei.gwei(5_000), true);

    assertThat(policy.passed(accepted(), Optional.of(receipt), T0))
        .isEqualTo(new Passed.Mined(receipt));
  }

  @Test
  void givenAPassedNonceWithoutAReceipt_whenWithinTheGrace_thenStillLookedForThenLost() {
    Passed first = policy.passed(accepted(), Optional.empty(), T0.plusSeconds(5));
    WatchedNonce missing = ((Passed.Missing) first).nonce();
    Passed later = policy.passed(missing, Optional.empty(), T0.plusSeconds(34));
    Passed afterGrace = policy.passed(missing, Optional.empty(), T0.plusSeconds(35));

    assertThat(missing.missingSince()).contains(T0.plusSeconds(5));
    assertThat(later).isEqualTo(new Passed.Missing(missing));
    assertThat(afterGrace).isInstanceOf(Passed.Lost.class);
    Passed.Lost lost = (Passed.Lost) afterGrace;
    assertThat(lost.reason())
        .isEqualTo(
            "relayer nonce 7 was used by a transaction CroGas did not send, and no receipt of its"
                + " own came within 30 s; resubmit (a late receipt would still correct this)");
    assertThat(lost.late().until()).isEqualTo(T0.plusSeconds(35).plus(Duration.ofHours(24)));
  }

  @Test
  void givenANonceReportedLost_whenLookedAtOverADay_thenOncePerGraceThenNoMore() {
    WatchPolicy.LateNonce late =
        new WatchPolicy.LateNonce(accepted(), T0.plus(WatchPolicy.LATE_RECEIPTS), T0);

    assertThat(policy.look(late, T0.plusSeconds(29))).isEqualTo(LateLook.NOT_YET);
    assertThat(policy.look(late, T0.plusSeconds(30))).isEqualTo(LateLook.DUE);
    assertThat(policy.look(late.lookedAt(T0.plusSeconds(30)), T0.plusSeconds(31)))
        .isEqualTo(LateLook.NOT_YET);
    assertThat(policy.look(late, T0.plus(Duration.ofHours(24)).plusSeconds(1)))
        .isEqualTo(LateLook.EXPIRED);
  }
}
