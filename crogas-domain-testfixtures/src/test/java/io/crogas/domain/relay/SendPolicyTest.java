package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.port.out.Chain.Simulation;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendPolicyTest {
  private static final FeeMarket MARKET = new FeeMarket(Wei.gwei(5_000), Wei.gwei(2), true);
  private final SendPolicy policy =
      new SendPolicy(
          TierTable.defaults(), "normal", new ReplacementPolicy(10, 3, Wei.gwei(1_000_000)), 20);

  private static RelayJob.ForwarderCall quoted(long gas, long feeGwei) {
    return StoreSamples.quoted(StoreSamples.forwarderCall(Keys.of(1), 0), gas, feeGwei);
  }

  private static Simulation gas(long gas) {
    return new Simulation.Succeeds(BigInteger.valueOf(gas));
  }

  @Test
  void givenAQuoteBelowTheTiersCap_whenBid_thenTheQuotedCapAndATipWithinIt() {
    // normal: 125% of 5000 gwei + a tip of 125% of 2 gwei = 6252.5 gwei, above the quoted 6000.
    Fees bid = policy.bid(quoted(200_000, 6_000), MARKET);

    assertThat(bid)
        .isEqualTo(new Fees(Wei.gwei(6_000), new Wei(BigInteger.valueOf(2_500_000_000L))));
  }

  @Test
  void
      givenACeilingBelowTheTiersCap_whenAnUnquotedTransferIsBid_thenTheCeilingAndTheTipCappedByIt() {
    SendPolicy low =
        new SendPolicy(TierTable.defaults(), "normal", new ReplacementPolicy(10, 3, Wei.of(7)), 0);

    Fees bid = low.bid(StoreSamples.tokenTransfer(Keys.of(1), 1), MARKET);

    assertThat(bid).isEqualTo(new Fees(Wei.of(7), Wei.of(7)));
  }

  @Test
  void givenAnEstimate_whenPlanned_thenTheMarginIsAddedRoundingUpButNeverAboveTheQuotedLimit() {
    RelayJob.ForwarderCall job = quoted(200_000, 6_000);
    Fees bid = new Fees(Wei.gwei(6_000), Wei.ZERO);

    assertThat(policy.plan(job, bid, gas(100_001)))
        .isEqualTo(new SendPlan.Ready(BigInteger.valueOf(120_002), Wei.gwei(6_000), Wei.ZERO));
    assertThat(policy.plan(job, bid, gas(190_000)))
        .isEqualTo(new SendPlan.Ready(BigInteger.valueOf(200_000), Wei.gwei(6_000), Wei.ZERO));
    assertThat(policy.plan(StoreSamples.tokenTransfer(Keys.of(1), 1), bid, gas(190_000)))
        .isEqualTo(new SendPlan.Ready(BigInteger.valueOf(228_000), Wei.gwei(6_000), Wei.ZERO));
  }

  @Test
  void givenAnEstimateAboveTheQuotedLimitOrARevert_whenPlanned_thenRefusedSayingWhy() {
    RelayJob.ForwarderCall job = quoted(200_000, 6_000);
    Fees bid = new Fees(Wei.gwei(6_000), Wei.ZERO);

    assertThat(policy.plan(job, bid, gas(200_001)))
        .isEqualTo(
            new SendPlan.Refused(
                "the call needs 200001 gas when the relayer sends it, above the quoted limit of"
                    + " 200000; nothing was sent or charged"));
    assertThat(policy.plan(job, bid, new Simulation.Reverts("UnluckyValue(13)")))
        .isEqualTo(new SendPlan.Refused("reverts before sending: UnluckyValue(13)"));
  }

  @Test
  void givenAReadyPlan_whenItsWorstCaseIsAsked_thenGasLimitTimesFeeCap() {
    SendPlan.Ready ready = new SendPlan.Ready(BigInteger.valueOf(21_000), Wei.gwei(2), Wei.ZERO);

    assertThat(ready.worstCase()).isEqualTo(Wei.gwei(42_000));
  }

  @Test
  void givenBytesANodeMayHold_whenAFillerIsBid_thenItOutbidsThemByTheBumpRuleWithinTheCeiling() {
    SignedTransaction pooled = StoreSamples.signed(StoreSamples.RELAYER, 4, 3_000); // 8000 gwei

    assertThat(policy.fillerBid(MARKET, Optional.of(pooled)))
        .isEqualTo(new Fees(Wei.gwei(8_800), Wei.of(1)));
    assertThat(policy.fillerBid(MARKET, Optional.empty()))
        .isEqualTo(
            new Fees(new Wei(BigInteger.valueOf(6_252_500_000_000L)), Wei.of(2_500_000_000L)));
    SendPolicy lowCeiling =
        new SendPolicy(
            TierTable.defaults(), "normal", new ReplacementPolicy(10, 3, Wei.gwei(8_000)), 20);
    assertThat(lowCeiling.fillerBid(MARKET, Optional.of(pooled)).maxFeePerGas())
        .isEqualTo(new Wei(BigInteger.valueOf(6_252_500_000_000L)));
  }

  @Test
  void givenJobs_whenQueued_thenAForwarderCallsOwnPriorityAndATransferTheDefaultTiers() {
    assertThat(policy.priority(quoted(1, 1))).isEqualTo(2);
    assertThat(policy.priority(StoreSamples.tokenTransfer(Keys.of(1), 1))).isEqualTo(1);
    assertThat(policy.tier(quoted(1, 1)).name()).isEqualTo("normal");
  }
}
