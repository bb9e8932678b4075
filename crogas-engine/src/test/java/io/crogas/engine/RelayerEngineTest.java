package io.crogas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.service.TrackRelayService;
import io.crogas.testfixtures.FakeChain;
import io.crogas.testfixtures.FakeMempool;
import io.crogas.testfixtures.InMemoryJournal;
import io.crogas.testfixtures.InMemoryNonceLedger;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.MutableClock;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayerEngineTest {
  private static final List<Address> RELAYERS =
      List.of(Keys.of(101).address(), Keys.of(102).address(), Keys.of(103).address());

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
  private final FakeChain chain = new FakeChain();
  private final FakeMempool mempool = new FakeMempool(clock);
  private final InMemoryJournal journal = new InMemoryJournal();
  private final InMemoryNonceLedger ledger = new InMemoryNonceLedger();
  private final TrackRelayService tracking = new TrackRelayService(journal);
  private final List<RelayerEngine> engines = new ArrayList<>();
  private static final Duration RECEIPT_GRACE = Duration.ofSeconds(30);
  private int laneQueueLimit = 1_000;
  private Duration keyCheckInterval = Duration.ofSeconds(30);
  private int ids;

  RelayerEngineTest() {
    chain.defaultTokenBalance = StoreSamples.UINT256_MAX;
    RELAYERS.forEach(r -> chain.nativeBalances.put(r, Wei.gwei(1_000_000_000_000_000L)));
  }

  private RelayerEngine engine(List<Address> relayers) {
    EngineSettings settings =
        new EngineSettings(
            ChainId.CRONOS_TESTNET,
            true,
            TierTable.defaults(),
            "normal",
            20,
            Duration.ofMillis(5),
            Duration.ofSeconds(30),
            new ReplacementPolicy(10, 3, Wei.gwei(1_000_000)),
            3,
            new SendChecks(StoreSamples.USDC.token(), Duration.ofSeconds(10)),
            RECEIPT_GRACE,
            keyCheckInterval,
            laneQueueLimit);
    RelayerEngine engine =
        new RelayerEngine(
            settings, relayers, chain, mempool, mempool, ledger, journal, tracking, clock);
    engines.add(engine);
    return engine;
  }

  @AfterEach
  void stop() {
    engines.forEach(RelayerEngine::close);
  }

  private RelayRecord admit(RelayJob job) {
    RelayRecord record = StoreSamples.accepted("r_" + ids++, job, clock.instant());
    journal.admit(record);
    return record;
  }

  /**
   * What a node killed mid-flight leaves: nonce 0 assigned to the record and signed in the ledger.
   */
  private SignedTransaction signedBeforeTheCrash(RelayRecord record) {
    Address relayer = RELAYERS.get(0);
    ledger.assign(relayer, Optional.of(record.id()), 0);
    SignedTransaction signed =
        mempool.sign(
            new TransactionDraft(
                relayer,
                ChainId.CRONOS_TESTNET,
                0,
                Optional.of(record.job()),
                java.math.BigInteger.valueOf(200_000),
                Wei.gwei(6_250),
                Wei.ZERO,
                true));
    ledger.recordSigned(signed);
    return signed;
  }

  private RelayRecord await(CompletableFuture<RelayRecord> done) throws Exception {
    return done.get(10, TimeUnit.SECONDS);
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not reached within 10 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void givenAJobThatRevertsBeforeSending_whenExecuted_thenFailedAndNoNonceUsed() throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    chain.jobRevert = Optional.of("UnluckyValue(13)");

    RelayRecord failed =
        await(
            engine.execute(admit(StoreSamples.forwarderCall(Keys.of(1), 0))).toCompletableFuture());

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure())
        .hasValueSatisfying(f -> assertThat(f).contains("UnluckyValue(13)"));
    assertThat(ledger.pending(RELAYERS.get(0))).isEmpty();
    assertThat(mempool.accepted()).isEmpty();
  }

  @Test
  void givenANodeThatRefusesTheTransaction_whenExecuted_thenFailedAndTheNonceIsFilled()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.rejectNextSend = "intrinsic gas too low";

    RelayRecord failed =
        await(
            engine.execute(admit(StoreSamples.forwarderCall(Keys.of(1), 0))).toCompletableFuture());
    RelayRecord next =
        await(
            engine.execute(admit(StoreSamples.forwarderCall(Keys.of(2), 0))).toCompletableFuture());

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(next.state()).isEqualTo(RelayState.CONFIRMED);
    eventually(() -> mempool.minedNonce(RELAYERS.get(0)) == 2);
    assertThat(mempool.minedTransactions())
        .extracting(SignedTransaction::nonce)
        .containsExactly(0L, 1L);
  }

  @Test
  void givenAJob_whenExecuted_thenSignedTransactionRecordedBeforeSendingAndConfirmed()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));

    RelayRecord done = await(engine.execute(record).toCompletableFuture());

    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(done.history())
        .extracting(e -> e.state())
        .containsExactly(
            RelayState.RECEIVED, RelayState.VALIDATED, RelayState.SUBMITTED, RelayState.CONFIRMED);
    assertThat(ledger.forRecord(record.id()))
        .hasValueSatisfying(
            a -> {
              assertThat(a.mined()).contains(done.receipt().orElseThrow().txHash());
              assertThat(a.transactions()).hasSize(1);
            });
  }

  @Test
  void
      givenTwoHundredConcurrentJobsOverThreeKeys_whenExecuted_thenAllConfirmedWithNoGapsOrDuplicates()
          throws Exception {
    RelayerEngine engine = engine(RELAYERS);
    List<CompletableFuture<RelayRecord>> all = new ArrayList<>();
    List<Thread> submitters = new ArrayList<>();
    List<RelayRecord> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(admit(StoreSamples.tokenTransfer(Keys.of(1000 + i), i)));
    }
    for (int t = 0; t < 4; t++) {
      int slice = t;
      Thread submitter =
          new Thread(
              () -> {
                for (int i = slice; i < 200; i += 4) {
                  CompletableFuture<RelayRecord> f =
                      engine.execute(records.get(i)).toCompletableFuture();
                  synchronized (all) {
                    all.add(f);
                  }
                }
              });
      submitters.add(submitter);
      submitter.start();
    }
    for (Thread submitter : submitters) {
      submitter.join();
    }

    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(all).allSatisfy(f -> assertThat(f.join().state()).isEqualTo(RelayState.CONFIRMED));
    Map<Address, List<Long>> nonces =
        mempool.minedTransactions().stream()
            .collect(
                Collectors.groupingBy(
                    SignedTransaction::relayer,
                    Collectors.mapping(SignedTransaction::nonce, Collectors.toList())));
    int total = 0;
    for (List<Long> lane : nonces.values()) {
      for (int n = 0; n < lane.size(); n++) {
        assertThat(lane.get(n)).isEqualTo(n); // contiguous from 0: no gap, no duplicate
      }
      total += lane.size();
    }
    assertThat(total).isEqualTo(200);
    assertThat(nonces.keySet()).hasSize(3);
    Set<String> hashes = new HashSet<>();
    for (CompletableFuture<RelayRecord> f : all) {
      assertThat(f.join().txHashes()).hasSize(1);
      assertThat(hashes.add(f.join().txHashes().get(0).hex())).isTrue();
    }
  }

  @Test
  void givenAUsersPipelinedRequestsInFlight_whenExecutedOnSeveralKeys_thenOneLaneInOrder()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS);
    mempool.automine = false;
    Keys user = Keys.of(7);
    List<CompletableFuture<RelayRecord>> mine = new ArrayList<>();
    List<CompletableFuture<RelayRecord>> all = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      CompletableFuture<RelayRecord> f =
          engine.execute(admit(StoreSamples.forwarderCall(user, n))).toCompletableFuture();
      mine.add(f);
      all.add(f);
      all.add(
          engine
              .execute(admit(StoreSamples.tokenTransfer(Keys.of(500 + n), n)))
              .toCompletableFuture());
    }
    eventually(() -> mempool.accepted().size() == 20);

    mempool.mine();
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    List<SignedTransaction> userTxs = new ArrayList<>();
    for (CompletableFuture<RelayRecord> f : mine) {
      String hash = f.join().txHashes().get(0).hex();
      mempool.minedTransactions().stream()
          .filter(tx -> tx.hash().hex().equals(hash))
          .forEach(userTxs::add);
    }
    assertThat(userTxs).hasSize(10);
    assertThat(userTxs)
        .extracting(SignedTransaction::relayer)
        .containsOnly(userTxs.get(0).relayer());
    assertThat(userTxs).extracting(SignedTransaction::nonce).isSorted();
    assertThat(mempool.minedTransactions())
        .extracting(SignedTransaction::relayer)
        .hasSameElementsAs(RELAYERS);
  }

  @Test
  void givenAStuckTransaction_whenItWaitsTooLong_thenReplacedWithHigherFeesAndEveryHashKept()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.automine = false;
    CompletableFuture<RelayRecord> done =
        engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture();
    eventually(() -> mempool.accepted().size() == 1);

    clock.advance(Duration.ofSeconds(31));
    eventually(() -> mempool.accepted().size() == 2);
    mempool.mine();

    RelayRecord record = await(done);
    assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(record.txHashes()).hasSize(2);
    assertThat(record.receipt().orElseThrow().txHash()).isEqualTo(record.txHashes().get(1));
    List<SignedTransaction> sent = mempool.accepted();
    assertThat(sent.get(1).nonce()).isEqualTo(sent.get(0).nonce());
    assertThat(sent.get(1).maxFeePerGas()).isGreaterThan(sent.get(0).maxFeePerGas());
    assertThat(record.history()).extracting(e -> e.detail()).contains("replaced");
  }

  @Test
  void givenASendThatTimedOutButArrived_whenWatched_thenNotSentTwiceAndConfirmed()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.unreachableSends = 3;
    mempool.deliverWhileUnreachable = true;

    RelayRecord record =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture());

    assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(mempool.accepted()).hasSize(1);
  }

  @Test
  void givenARelayerWithoutCro_whenExecuted_thenFailedWithAClearReason() throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.broke.add(RELAYERS.get(0));

    RelayRecord record =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture());

    assertThat(record.state()).isEqualTo(RelayState.FAILED);
    assertThat(record.failure()).hasValueSatisfying(f -> assertThat(f).contains("too little CRO"));
  }

  @Test
  void givenACrashAfterSigningBeforeSending_whenRecovered_thenTheRecordedBytesAreSentAndConfirmed()
      throws Exception {
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));
    SignedTransaction signed = signedBeforeTheCrash(record);
    tracking.track(new TrackRelayCommand.Submitted(record.id(), signed.hash(), clock.instant()));

    engine(RELAYERS.subList(0, 1)).recover();

    eventually(() -> journal.find(record.id()).orElseThrow().state() == RelayState.CONFIRMED);
    assertThat(mempool.accepted()).containsExactly(signed);
  }

  @Test
  void givenACrashAfterAssigningBeforeSigning_whenRecovered_thenSignedForItsNonceAndConfirmed()
      throws Exception {
    Address relayer = RELAYERS.get(0);
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));
    ledger.assign(relayer, Optional.of(record.id()), 0);

    engine(RELAYERS.subList(0, 1)).recover();

    eventually(() -> journal.find(record.id()).orElseThrow().state() == RelayState.CONFIRMED);
    assertThat(mempool.minedTransactions())
        .extracting(SignedTransaction::nonce)
        .containsExactly(0L);
  }

  @Test
  void givenAJournaledJobThatNeverGotANonce_whenRecovered_thenExecuted() throws Exception {
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));

    engine(RELAYERS.subList(0, 1)).recover();

    eventually(() -> journal.find(record.id()).orElseThrow().state() == RelayState.CONFIRMED);
  }

  @Test
  void givenAnAssignedNonceWhoseJobAlreadyFailed_whenRecovered_thenTheGapIsFilled()
      throws Exception {
    Address relayer = RELAYERS.get(0);
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));
    ledger.assign(relayer, Optional.of(record.id()), 0);
    tracking.track(new TrackRelayCommand.Failed(record.id(), "gone", clock.instant()));

    engine(RELAYERS.subList(0, 1)).recover();

    eventually(() -> mempool.minedNonce(relayer) == 1);
    assertThat(mempool.minedTransactions().get(0).gasLimit())
        .isEqualTo(TransactionDraft.TRANSFER_GAS);
  }

  @Test
  void givenANodeThatReportsTheNonceBeforeTheReceipt_whenWatched_thenConfirmedNotLost()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.receiptsLag = true;
    CompletableFuture<RelayRecord> done =
        engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture();
    eventually(() -> mempool.minedNonce(RELAYERS.get(0)) == 1);
    Thread.sleep(50); // several watch ticks see the nonce used and no receipt

    mempool.receiptsLag = false;

    assertThat(await(done).state()).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void givenTheNonceUsedByAnotherTransaction_whenNoReceiptComesForLong_thenFailedAskingToResubmit()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.automine = false;
    CompletableFuture<RelayRecord> done =
        engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture();
    eventually(() -> mempool.accepted().size() == 1);
    mempool.stealNextNonce(RELAYERS.get(0));
    Thread.sleep(50);
    assertThat(done).isNotDone();

    clock.advance(RECEIPT_GRACE.plusSeconds(1));

    RelayRecord failed = await(done);
    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("resubmit"));
  }

  @Test
  void givenACrashAfterTheLedgerButBeforeTheJournalHadTheHash_whenRecovered_thenConfirmed()
      throws Exception {
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));
    signedBeforeTheCrash(record); // killed here: the journal never saw the hash

    engine(RELAYERS.subList(0, 1)).recover();

    eventually(() -> journal.find(record.id()).orElseThrow().state() == RelayState.CONFIRMED);
    assertThat(mempool.accepted()).hasSize(1);
  }

  /** {@code job} with another quoted budget. */
  private static RelayJob.ForwarderCall quoted(RelayJob.ForwarderCall job, long gas, long feeGwei) {
    return new RelayJob.ForwarderCall(
        job.forwarder(),
        job.request(),
        job.fee(),
        job.queuePriority(),
        new GasBudget(BigInteger.valueOf(gas), Wei.gwei(feeGwei)));
  }

  @Test
  void givenASendTimeEstimateAboveTheQuotedGasLimit_whenExecuted_thenFailedBeforeSendingAnything()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    chain.sentJobGas = Optional.of(BigInteger.valueOf(2_500_000));

    RelayRecord failed =
        await(
            engine
                .execute(admit(quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 200_000, 20_000)))
                .toCompletableFuture());

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure())
        .hasValueSatisfying(f -> assertThat(f).contains("2500000", "quoted limit of 200000"));
    assertThat(mempool.accepted()).isEmpty();
    assertThat(ledger.pending(RELAYERS.get(0))).isEmpty();
  }

  @Test
  void givenAQuotedJob_whenSent_thenSimulatedFromTheSendingKeyAtItsFeeCapAndNeverAboveTheQuote()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(1, 2));
    chain.sentJobGas = Optional.of(BigInteger.valueOf(190_000));

    RelayRecord done =
        await(
            engine
                .execute(admit(quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 200_000, 6_000)))
                .toCompletableFuture());

    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    SignedTransaction sent = mempool.accepted().get(0);
    // 190000 gas + 20% would be 228000: the quote's 200000 is the ceiling; the tier's fee cap
    // (125% of 5000 gwei) is above the quoted 6000 gwei, which wins.
    assertThat(sent.gasLimit()).isEqualTo(BigInteger.valueOf(200_000));
    assertThat(sent.maxFeePerGas()).isEqualTo(Wei.gwei(6_000));
    assertThat(chain.simulatedAs).containsExactly(RELAYERS.get(1) + "@" + Wei.gwei(6_000).value());
  }

  @Test
  void givenAStuckJobQuotedJustAboveItsFeeCap_whenItWaitsTooLong_thenNeverReplacedAboveTheQuote()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.automine = false;
    CompletableFuture<RelayRecord> done =
        engine
            .execute(admit(quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 400_000, 6_500)))
            .toCompletableFuture();
    eventually(() -> mempool.accepted().size() == 1);
    // A second job on the same lane, not quoted, shows the watch ran its replacement pass.
    CompletableFuture<RelayRecord> other =
        engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture();
    eventually(() -> mempool.accepted().size() == 2);

    clock.advance(Duration.ofSeconds(31));
    eventually(() -> mempool.accepted().size() == 3);
    mempool.mine();

    assertThat(await(done).state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(await(other).state()).isEqualTo(RelayState.CONFIRMED);
    List<SignedTransaction> sent = mempool.accepted();
    assertThat(sent.get(2).nonce()).isEqualTo(sent.get(1).nonce());
    assertThat(sent)
        .filteredOn(tx -> tx.nonce() == sent.get(0).nonce())
        .singleElement()
        .satisfies(tx -> assertThat(tx.maxFeePerGas()).isEqualTo(Wei.gwei(6_250)));
  }

  @Test
  void givenAFeeAuthorizationCancelledAfterAcceptance_whenAboutToSend_thenFailedAndNothingSent()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    RelayJob.ForwarderCall job = StoreSamples.forwarderCall(Keys.of(1), 0);
    chain.useAuthorization(
        StoreSamples.USDC.token(), Keys.of(1).address(), job.fee().authorization().nonce());

    RelayRecord failed = await(engine.execute(admit(job)).toCompletableFuture());

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("cancelled"));
    assertThat(mempool.accepted()).isEmpty();
    assertThat(chain.simulatedAs).isEmpty();
  }

  @Test
  void givenUsdcMovedAwayAfterAcceptance_whenAboutToSend_thenFailedAndNothingSent()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    chain.setTokenBalance(StoreSamples.USDC.token(), Keys.of(1).address(), 10);

    RelayRecord failed =
        await(
            engine.execute(admit(StoreSamples.forwarderCall(Keys.of(1), 0))).toCompletableFuture());

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("balance 10"));
    assertThat(mempool.accepted()).isEmpty();
  }

  @Test
  void givenADeadlineInsideTheSendMargin_whenAboutToSend_thenFailedAndNothingSent()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    RelayJob.ForwarderCall job = StoreSamples.forwarderCall(Keys.of(1), 0);
    long deadline = job.request().metaTransaction().deadline().longValueExact();
    clock.advance(Duration.between(clock.instant(), java.time.Instant.ofEpochSecond(deadline - 5)));

    RelayRecord failed = await(engine.execute(admit(job)).toCompletableFuture());

    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("deadline"));
    assertThat(mempool.accepted()).isEmpty();
  }

  @Test
  void givenARecordThatFailedWhileItsBytesWereSigned_whenRecovered_thenNotResentButFilled()
      throws Exception {
    Address relayer = RELAYERS.get(0);
    RelayRecord record = admit(StoreSamples.tokenTransfer(Keys.of(1), 1));
    SignedTransaction signed = signedBeforeTheCrash(record);
    tracking.track(new TrackRelayCommand.Submitted(record.id(), signed.hash(), clock.instant()));
    tracking.track(
        new TrackRelayCommand.Failed(
            record.id(), "reported failed before the crash", clock.instant()));

    engine(RELAYERS.subList(0, 1)).recover();

    eventually(() -> mempool.minedNonce(relayer) == 1);
    assertThat(mempool.accepted()).doesNotContain(signed);
    assertThat(mempool.minedTransactions().get(0).gasLimit())
        .isEqualTo(TransactionDraft.TRANSFER_GAS);
  }

  @Test
  void givenANonceUsedByAnotherTransaction_whenReportedLost_thenTheLedgerMarksItPassed()
      throws Exception {
    Address relayer = RELAYERS.get(0);
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.automine = false;
    CompletableFuture<RelayRecord> done =
        engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture();
    eventually(() -> mempool.accepted().size() == 1);
    mempool.stealNextNonce(relayer);
    eventually(
        () -> {
          clock.advance(Duration.ofSeconds(1));
          return done.isDone();
        });

    assertThat(await(done).state()).isEqualTo(RelayState.FAILED);
    eventually(() -> ledger.pending(relayer).isEmpty());
  }

  @Test
  void
      givenTheChainAwayWhileAFillerIsPrepared_whenAJobIsRefused_thenTheFillerGoesOutLaterAndLoadsHold()
          throws Exception {
    Address relayer = RELAYERS.get(0);
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.automine = false;
    Keys payer = Keys.of(1);
    CompletableFuture<RelayRecord> first =
        engine.execute(admit(StoreSamples.tokenTransfer(payer, 1))).toCompletableFuture();
    eventually(() -> mempool.accepted().size() == 1);
    mempool.rejectNextSend = "intrinsic gas too low";
    chain.feeMarketFailsAt = 3; // 1: the first job's send, 2: the refused job's, 3: its filler

    RelayRecord refused =
        await(engine.execute(admit(StoreSamples.tokenTransfer(payer, 2))).toCompletableFuture());

    assertThat(refused.state()).isEqualTo(RelayState.FAILED);
    eventually(() -> mempool.accepted().size() == 2);
    assertThat(mempool.accepted().get(1).gasLimit()).isEqualTo(TransactionDraft.TRANSFER_GAS);
    assertThat(engine.laneLoads()).containsEntry(relayer, 1);
    mempool.mine();
    assertThat(await(first).state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(engine.laneLoads()).containsEntry(relayer, 0);
  }

  @Test
  void givenAnInternalErrorAfterTheNonceWasAssigned_whenSubmitting_thenTheNonceIsFilled()
      throws Exception {
    Address relayer = RELAYERS.get(0);
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    mempool.signFailures = 1;

    RelayRecord broken =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture());
    RelayRecord next =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(2), 1))).toCompletableFuture());

    assertThat(broken.state()).isEqualTo(RelayState.FAILED);
    assertThat(next.state()).isEqualTo(RelayState.CONFIRMED);
    eventually(() -> mempool.minedNonce(relayer) == 2);
  }

  @Test
  void givenAFullLane_whenMoreJobsArrive_thenTheyAreRefusedAtOnceWithNothingSent()
      throws Exception {
    laneQueueLimit = 2;
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    chain.simulationGate.drainPermits();
    List<CompletableFuture<RelayRecord>> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      jobs.add(
          engine
              .execute(admit(StoreSamples.tokenTransfer(Keys.of(10 + i), i)))
              .toCompletableFuture());
    }

    for (CompletableFuture<RelayRecord> refused : jobs.subList(2, 4)) {
      RelayRecord record = await(refused);
      assertThat(record.state()).isEqualTo(RelayState.FAILED);
      assertThat(record.failure()).hasValueSatisfying(f -> assertThat(f).contains("full"));
      assertThat(record.txHashes()).isEmpty();
    }
    assertThat(jobs.subList(0, 2)).noneMatch(CompletableFuture::isDone);
    chain.simulationGate.release(Integer.MAX_VALUE);
    for (CompletableFuture<RelayRecord> accepted : jobs.subList(0, 2)) {
      assertThat(await(accepted).state()).isEqualTo(RelayState.CONFIRMED);
    }
  }

  @Test
  void givenOneLaneWhoseReceiptReadsHang_whenAnotherLaneHasWork_thenItIsStillWatched()
      throws Exception {
    RelayerEngine engine = engine(RELAYERS.subList(0, 2));
    mempool.slowReceiptsOf.add(RELAYERS.get(0));
    mempool.slowReceiptsOf.add(RELAYERS.get(1));
    CompletableFuture<RelayRecord> stuck =
        engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture();
    eventually(() -> mempool.minedTransactions().size() == 1);
    Address busy = mempool.minedTransactions().get(0).relayer();
    mempool.slowReceiptsOf.remove(RELAYERS.get(0).equals(busy) ? RELAYERS.get(1) : RELAYERS.get(0));

    RelayRecord other =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(2), 1))).toCompletableFuture());

    assertThat(other.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(stuck).isNotDone();
    mempool.receiptGate.countDown();
    assertThat(await(stuck).state()).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void givenAnEmptyAndAnUnregisteredKey_whenJobsRun_thenOnlyTheGoodKeyTakesThem() throws Exception {
    chain.nativeBalances.put(RELAYERS.get(1), Wei.ZERO);
    mempool.broke.add(RELAYERS.get(1));
    chain.unregistered.add(RELAYERS.get(2));
    RelayerEngine engine = engine(RELAYERS);
    engine.recover();
    List<CompletableFuture<RelayRecord>> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      jobs.add(
          engine
              .execute(admit(StoreSamples.tokenTransfer(Keys.of(20 + i), i)))
              .toCompletableFuture());
    }

    for (CompletableFuture<RelayRecord> job : jobs) {
      assertThat(await(job).state()).isEqualTo(RelayState.CONFIRMED);
    }
    assertThat(mempool.minedTransactions())
        .extracting(SignedTransaction::relayer)
        .containsOnly(RELAYERS.get(0));
    assertThat(engine.outOfRotation()).containsOnlyKeys(RELAYERS.get(1), RELAYERS.get(2));
  }

  @Test
  void givenAKeyOutOfRotationForWantOfCro_whenToppedUp_thenTheNextCheckPutsItBack()
      throws Exception {
    Address relayer = RELAYERS.get(0);
    keyCheckInterval = Duration.ofMillis(20);
    chain.nativeBalances.put(relayer, Wei.ZERO);
    RelayerEngine engine = engine(RELAYERS.subList(0, 1));
    engine.recover();

    RelayRecord refused =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(1), 1))).toCompletableFuture());
    chain.nativeBalances.put(relayer, Wei.gwei(1_000_000_000_000_000L));
    eventually(() -> engine.outOfRotation().isEmpty());
    RelayRecord done =
        await(
            engine.execute(admit(StoreSamples.tokenTransfer(Keys.of(2), 1))).toCompletableFuture());

    assertThat(refused.state()).isEqualTo(RelayState.FAILED);
    assertThat(refused.failure()).hasValueSatisfying(f -> assertThat(f).contains("cannot cover"));
    assertThat(refused.txHashes()).isEmpty();
    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
  }
}
