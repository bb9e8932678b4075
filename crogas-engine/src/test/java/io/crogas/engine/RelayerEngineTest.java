package io.crogas.engine;

import static io.crogas.engine.EngineHarness.RELAYERS;
import static io.crogas.testfixtures.StoreSamples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sending a job: the checks before it, the send itself, and what the node's answer leads to. */
class RelayerEngineTest {
  private final EngineHarness h = new EngineHarness();
  private final RelayerEngine engine = h.engine(RELAYERS.subList(0, 1));

  @AfterEach
  void stop() {
    h.close();
  }

  private RelayRecord settle(RelayJob job) {
    return h.settle(h.execute(engine, job));
  }

  @Test
  void givenTheStoreDownWhenTheLaneSends_whenItIsBack_thenTheJobIsSentOnceAndConfirmed() {
    RelayRecord record = h.admit(StoreSamples.tokenTransfer(Keys.of(1), 1));
    CompletableFuture<RelayRecord> job = engine.execute(record).toCompletableFuture();

    h.outage.down = true; // Redis restarting as the lane picks the job up
    h.tick();
    h.tick();
    assertThat(h.mempool.accepted()).as("nothing sent without the journal").isEmpty();
    h.outage.down = false;
    RelayRecord done = h.settle(job);

    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.mempool.accepted()).hasSize(1);
  }

  @Test
  void givenAJob_whenExecuted_thenSignedTransactionRecordedBeforeSendingAndConfirmed() {
    RelayRecord record = h.admit(StoreSamples.tokenTransfer(Keys.of(1), 1));

    RelayRecord done = h.settle(engine.execute(record).toCompletableFuture());

    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(done.history())
        .extracting(e -> e.state())
        .containsExactly(
            RelayState.RECEIVED, RelayState.VALIDATED, RelayState.SUBMITTED, RelayState.CONFIRMED);
    assertThat(h.ledger.forRecord(record.id()))
        .hasValueSatisfying(
            a -> {
              assertThat(a.mined()).contains(done.receipt().orElseThrow().txHash());
              assertThat(a.transactions()).hasSize(1);
            });
  }

  @Test
  void givenAJobThatRevertsBeforeSending_whenExecuted_thenFailedAndNoNonceUsed() {
    h.chain.jobRevert = Optional.of("UnluckyValue(13)");

    RelayRecord failed = settle(StoreSamples.forwarderCall(Keys.of(1), 0));

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure())
        .hasValueSatisfying(f -> assertThat(f).contains("UnluckyValue(13)"));
    assertThat(h.ledger.pending(RELAYERS.get(0))).isEmpty();
    assertThat(h.mempool.accepted()).isEmpty();
  }

  @Test
  void givenANodeThatRefusesTheTransaction_whenExecuted_thenFailedAndTheNonceIsFilled() {
    h.mempool.rejectNextSend = "intrinsic gas too low";

    RelayRecord failed = settle(StoreSamples.forwarderCall(Keys.of(1), 0));
    RelayRecord next = settle(StoreSamples.forwarderCall(Keys.of(2), 0));

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(next.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.mempool.minedNonce(RELAYERS.get(0))).isEqualTo(2);
    assertThat(h.mempool.minedTransactions())
        .extracting(SignedTransaction::nonce)
        .containsExactly(0L, 1L);
  }

  @Test
  void givenASendThatTimedOutButArrived_whenWatched_thenNotSentTwiceAndConfirmed() {
    h.mempool.unreachableSends = 3;
    h.mempool.deliverWhileUnreachable = true;

    RelayRecord record = settle(StoreSamples.tokenTransfer(Keys.of(1), 1));

    assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.mempool.accepted()).hasSize(1);
  }

  @Test
  void givenARelayerWithoutCro_whenExecuted_thenFailedWithAClearReason() {
    h.mempool.broke.add(RELAYERS.get(0));

    RelayRecord record = settle(StoreSamples.tokenTransfer(Keys.of(1), 1));

    assertThat(record.state()).isEqualTo(RelayState.FAILED);
    assertThat(record.failure()).hasValueSatisfying(f -> assertThat(f).contains("too little CRO"));
  }

  @Test
  void givenASendTimeEstimateAboveTheQuotedGasLimit_whenExecuted_thenFailedBeforeSendingAnything() {
    h.chain.sentJobGas = Optional.of(BigInteger.valueOf(2_500_000));

    RelayRecord failed = settle(quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 200_000, 20_000));

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure())
        .hasValueSatisfying(f -> assertThat(f).contains("2500000", "quoted limit of 200000"));
    assertThat(h.mempool.accepted()).isEmpty();
    assertThat(h.ledger.pending(RELAYERS.get(0))).isEmpty();
  }

  @Test
  void givenAQuotedJob_whenSent_thenSimulatedFromTheSendingKeyAtItsFeeCapAndNeverAboveTheQuote() {
    RelayerEngine second = h.engine(RELAYERS.subList(1, 2));
    h.chain.sentJobGas = Optional.of(BigInteger.valueOf(190_000));

    RelayRecord done =
        h.settle(
            h.execute(second, quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 200_000, 6_000)));

    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    SignedTransaction sent = h.mempool.accepted().get(0);
    // 190000 gas + 20% would be 228000: the quote's 200000 is the ceiling; the tier's fee cap
    // (125% of 5000 gwei) is above the quoted 6000 gwei, which wins.
    assertThat(sent.gasLimit()).isEqualTo(BigInteger.valueOf(200_000));
    assertThat(sent.maxFeePerGas()).isEqualTo(Wei.gwei(6_000));
    assertThat(h.chain.simulatedAs)
        .containsExactly(RELAYERS.get(1) + "@" + Wei.gwei(6_000).value());
  }

  @Test
  void givenAFeeAuthorizationCancelledAfterAcceptance_whenAboutToSend_thenFailedAndNothingSent() {
    RelayJob.ForwarderCall job = StoreSamples.forwarderCall(Keys.of(1), 0);
    h.chain.useAuthorization(
        StoreSamples.USDC.token(), Keys.of(1).address(), job.fee().authorization().nonce());

    RelayRecord failed = settle(job);

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("cancelled"));
    assertThat(h.mempool.accepted()).isEmpty();
    assertThat(h.chain.simulatedAs).isEmpty();
  }

  @Test
  void givenUsdcMovedAwayAfterAcceptance_whenAboutToSend_thenFailedAndNothingSent() {
    h.chain.setTokenBalance(StoreSamples.USDC.token(), Keys.of(1).address(), 10);

    RelayRecord failed = settle(StoreSamples.forwarderCall(Keys.of(1), 0));

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("balance 10"));
    assertThat(h.mempool.accepted()).isEmpty();
  }

  @Test
  void givenADeadlineInsideTheSendMargin_whenAboutToSend_thenFailedAndNothingSent() {
    RelayJob.ForwarderCall job = StoreSamples.forwarderCall(Keys.of(1), 0);
    long deadline = job.request().metaTransaction().deadline().longValueExact();
    h.clock.advance(Duration.between(h.clock.instant(), Instant.ofEpochSecond(deadline - 5)));

    RelayRecord failed = settle(job);

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("deadline"));
    assertThat(h.mempool.accepted()).isEmpty();
  }

  @Test
  void givenAnInternalErrorAfterTheNonceWasAssigned_whenSubmitting_thenTheNonceIsFilled() {
    h.mempool.signFailures = 1;

    RelayRecord broken = settle(StoreSamples.tokenTransfer(Keys.of(1), 1));
    RelayRecord next = settle(StoreSamples.tokenTransfer(Keys.of(2), 1));

    assertThat(broken.state()).isEqualTo(RelayState.FAILED);
    assertThat(broken.failure()).contains("internal error: the signer failed");
    assertThat(next.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.mempool.minedNonce(RELAYERS.get(0))).isEqualTo(2);
  }

  @Test
  void givenTheChainAwayBeforeAnythingWasSent_whenSubmitting_thenTheJobIsTriedAgainAPollLater() {
    h.chain.feeMarketFailsAt = 1;
    CompletableFuture<RelayRecord> job =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1));

    h.scheduler.runDue();
    assertThat(h.mempool.accepted()).isEmpty();
    assertThat(h.ledger.pending(RELAYERS.get(0))).isEmpty();

    assertThat(h.settle(job).state()).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void
      givenTheChainAwayWhileAFillerIsPrepared_whenAJobIsRefused_thenTheFillerGoesOutLaterAndLoadsHold() {
    Address relayer = RELAYERS.get(0);
    h.mempool.automine = false;
    Keys payer = Keys.of(1);
    CompletableFuture<RelayRecord> first = h.execute(engine, StoreSamples.tokenTransfer(payer, 1));
    h.scheduler.runDue();
    assertThat(h.mempool.accepted()).hasSize(1);
    h.mempool.rejectNextSend = "intrinsic gas too low";
    h.chain.feeMarketFailsAt = 3; // 1: the first job's send, 2: the refused job's, 3: its filler

    RelayRecord refused = h.settle(h.execute(engine, StoreSamples.tokenTransfer(payer, 2)));

    assertThat(refused.state()).isEqualTo(RelayState.FAILED);
    h.runUntil("the filler going out", () -> h.mempool.accepted().size() == 2);
    assertThat(h.mempool.accepted().get(1).gasLimit()).isEqualTo(TransactionDraft.TRANSFER_GAS);
    assertThat(engine.laneLoads()).containsEntry(relayer, 1);
    h.mempool.mine();
    assertThat(h.settle(first).state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(engine.laneLoads()).containsEntry(relayer, 0);
  }
}
