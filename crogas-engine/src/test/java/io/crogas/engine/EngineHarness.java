package io.crogas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.TierTable;
import io.crogas.domain.relay.SendChecks;
import io.crogas.domain.service.TrackRelayService;
import io.crogas.testfixtures.FakeChain;
import io.crogas.testfixtures.FakeMempool;
import io.crogas.testfixtures.InMemoryJournal;
import io.crogas.testfixtures.InMemoryNonceLedger;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.ManualScheduler;
import io.crogas.testfixtures.MutableClock;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * An engine on in-memory parts: a fake chain and mempool, the in-memory journal and ledger, and a
 * {@link ManualScheduler} on which its lanes and watches run only when the test says, so that
 * "nothing happened for ten seconds" is a statement about ticks, not about sleeps.
 */
final class EngineHarness implements AutoCloseable {
  static final List<Address> RELAYERS =
      List.of(Keys.of(101).address(), Keys.of(102).address(), Keys.of(103).address());
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration REPLACE_AFTER = Duration.ofSeconds(30);
  static final Duration RECEIPT_GRACE = Duration.ofSeconds(30);
  private static final int MAX_TICKS = 10;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final FakeChain chain = new FakeChain();
  final FakeMempool mempool = new FakeMempool(clock);
  final InMemoryJournal journal = new InMemoryJournal();

  /** The journal as the engines see it: {@code outage.down} makes it fail as Redis's would. */
  final OutageJournal outage = new OutageJournal(journal);

  final InMemoryNonceLedger ledger = new InMemoryNonceLedger();
  // Journals through the engines' view of the store: an outage or a step landing in between
  // reaches both.
  final TrackRelayService tracking = new TrackRelayService(outage);
  int laneQueueLimit = 1_000;
  Duration keyCheckInterval = Duration.ofSeconds(30);
  private final List<RelayerEngine> engines = new ArrayList<>();
  private int ids;

  EngineHarness() {
    chain.defaultTokenBalance = StoreSamples.UINT256_MAX;
    RELAYERS.forEach(r -> chain.nativeBalances.put(r, Wei.gwei(1_000_000_000_000_000L)));
  }

  /** An engine whose lanes and timer run on {@link #scheduler}, i.e. only when the test drives. */
  RelayerEngine engine(List<Address> relayers) {
    return build(relayers, POLL, on(scheduler), Optional.empty());
  }

  /**
   * An engine of instance {@code holder} sharing this harness's store (journal, ledger and its key
   * leases) and chain with the others, leasing {@code relayers} for {@code ttl}; its lanes and
   * timer run only when the test drives {@code own}, so a test stops an instance by leaving its
   * scheduler alone.
   */
  RelayerEngine leasing(List<Address> relayers, String holder, ManualScheduler own, Duration ttl) {
    return build(relayers, POLL, on(own), Optional.of(new Leasing(ledger.leases(), holder, ttl)));
  }

  private static EngineThreads on(ManualScheduler scheduler) {
    return new EngineThreads() {
      @Override
      public ScheduledExecutorService timer(int lanes) {
        return scheduler;
      }

      @Override
      public ExecutorService lane(Address relayer) {
        return scheduler;
      }
    };
  }

  /** An engine on daemon threads polling every 5 ms: for what only real threads can show. */
  RelayerEngine threaded(List<Address> relayers) {
    return build(relayers, Duration.ofMillis(5), EngineThreads.daemons(), Optional.empty());
  }

  private RelayerEngine build(
      List<Address> relayers, Duration poll, EngineThreads threads, Optional<Leasing> leasing) {
    EngineSettings settings =
        new EngineSettings(
            ChainId.CRONOS_TESTNET,
            true,
            TierTable.defaults(),
            "normal",
            20,
            poll,
            REPLACE_AFTER,
            new ReplacementPolicy(10, 3, Wei.gwei(1_000_000)),
            3,
            new SendChecks(StoreSamples.USDC.token(), Duration.ofSeconds(10)),
            RECEIPT_GRACE,
            keyCheckInterval,
            laneQueueLimit);
    RelayerEngine engine =
        new RelayerEngine(
            settings, relayers, chain, mempool, mempool, ledger, outage, tracking, clock, threads,
            leasing);
    engines.add(engine);
    return engine;
  }

  RelayRecord admit(RelayJob job) {
    RelayRecord record = StoreSamples.accepted("r_" + ids++, job, clock.instant());
    journal.admit(record);
    return record;
  }

  CompletableFuture<RelayRecord> execute(RelayerEngine engine, RelayJob job) {
    return engine.execute(admit(job)).toCompletableFuture();
  }

  /** Runs what the lanes have queued, then one poll interval of the watches. */
  void tick() {
    scheduler.runDue();
    scheduler.advance(POLL);
  }

  /** Runs the engine until {@code condition} holds, for at most ten poll intervals. */
  void runUntil(String what, BooleanSupplier condition) {
    scheduler.runDue();
    for (int tick = 0; tick < MAX_TICKS && !condition.getAsBoolean(); tick++) {
      scheduler.advance(POLL);
    }
    assertThat(condition.getAsBoolean()).as(what + " within " + MAX_TICKS + " polls").isTrue();
  }

  /** Runs the engine until {@code job} ends (at most ten poll intervals) and returns its record. */
  RelayRecord settle(CompletableFuture<RelayRecord> job) {
    runUntil("the job ending", job::isDone);
    return job.join();
  }

  /** The nonces each relayer's mined transactions used, in mining order. */
  Map<Address, List<Long>> minedNonces() {
    return mempool.minedTransactions().stream()
        .collect(
            Collectors.groupingBy(
                SignedTransaction::relayer,
                Collectors.mapping(SignedTransaction::nonce, Collectors.toList())));
  }

  /** What a node killed mid-flight leaves: nonce 0 assigned to the record and signed. */
  SignedTransaction signedBeforeTheCrash(RelayRecord record) {
    Address relayer = RELAYERS.get(0);
    ledger.assign(relayer, Optional.of(record.id()), 0);
    SignedTransaction signed =
        mempool.sign(
            new TransactionDraft(
                relayer,
                ChainId.CRONOS_TESTNET,
                0,
                Optional.of(record.job()),
                BigInteger.valueOf(200_000),
                Wei.gwei(6_250),
                Wei.ZERO,
                true));
    ledger.recordSigned(signed);
    return signed;
  }

  @Override
  public void close() {
    engines.forEach(RelayerEngine::close);
  }
}
