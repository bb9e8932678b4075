package io.crogas.domain.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.in.TrackRelay;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.RelayEngine;
import io.crogas.domain.port.out.RelayerSigner;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Puts accepted jobs on chain through a pool of relayer keys, one {@link NonceLane} each. A job is
 * re-simulated, given a nonce (written before signing), signed, recorded (before sending) and sent
 * on its lane's thread; the lane's {@link LaneWatch} then sees it mined, re-sends it, or replaces
 * it. {@link #recover()} finishes whatever a crash interrupted.
 */
public final class RelayerEngine implements RelayEngine, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RelayerEngine.class.getName());
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final EngineSettings settings;
  private final Chain chain;
  private final Broadcaster broadcaster;
  private final NonceLedger ledger;
  private final Journal journal;
  private final TrackRelay tracking;
  private final InstantSource clock;
  private final Transmitter transmitter;
  private final Map<Address, NonceLane> lanes = new ConcurrentHashMap<>();
  private final Map<Address, LaneWatch> watches = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<RelayRecord>> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  public RelayerEngine(
      EngineSettings settings,
      List<Address> relayers,
      Chain chain,
      Broadcaster broadcaster,
      RelayerSigner signer,
      NonceLedger ledger,
      Journal journal,
      TrackRelay tracking,
      InstantSource clock) {
    if (relayers.isEmpty()) {
      throw new IllegalArgumentException("the engine needs at least one relayer key");
    }
    this.settings = settings;
    this.chain = chain;
    this.broadcaster = broadcaster;
    this.ledger = ledger;
    this.journal = journal;
    this.tracking = tracking;
    this.clock = clock;
    this.transmitter =
        new Transmitter(signer, ledger, broadcaster, tracking, clock, settings.sendAttempts());
    this.timer =
        Executors.newScheduledThreadPool(
            1,
            runnable -> {
              Thread t = new Thread(runnable, "crogas-watch");
              t.setDaemon(true);
              return t;
            });
    long period = settings.pollInterval().toMillis();
    for (Address relayer : relayers) {
      NonceLane lane = new NonceLane(relayer);
      LaneWatch watch =
          new LaneWatch(
              lane,
              broadcaster,
              transmitter,
              settings.replacement(),
              settings.replaceAfter(),
              clock,
              new Resolutions());
      lanes.put(relayer, lane);
      watches.put(relayer, watch);
      timer.scheduleWithFixedDelay(watch, period, period, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public CompletionStage<RelayRecord> execute(RelayRecord accepted) {
    CompletableFuture<RelayRecord> done =
        waiting.computeIfAbsent(accepted.id(), id -> new CompletableFuture<>());
    dispatch(accepted);
    return done;
  }

  /** Jobs queued or in flight on all lanes. */
  public int queueDepth() {
    return lanes.values().stream().mapToInt(NonceLane::load).sum();
  }

  /** Jobs queued or in flight per relayer key: the state of each nonce lane. */
  public Map<Address, Integer> laneLoads() {
    Map<Address, Integer> loads = new java.util.TreeMap<>(Comparator.comparing(Address::value));
    lanes.forEach((relayer, lane) -> loads.put(relayer, lane.load()));
    return loads;
  }

  private void dispatch(RelayRecord record) {
    Address payer = record.job().payer();
    NonceLane lane = laneFor(payer);
    lane.enqueue(payer, priority(record.job()), () -> submit(lane, record));
  }

  /** A payer's jobs stay on one lane while any is in flight, so their order holds. */
  private synchronized NonceLane laneFor(Address payer) {
    return lanes.values().stream()
        .filter(lane -> lane.serves(payer))
        .findFirst()
        .orElseGet(
            () ->
                lanes.values().stream()
                    .min(Comparator.comparingInt(NonceLane::load))
                    .orElseThrow());
  }

  private int priority(RelayJob job) {
    return job instanceof RelayJob.ForwarderCall call
        ? call.queuePriority()
        : tier(job).queuePriority();
  }

  /** On the lane's thread: re-simulate, assign a nonce, then sign, record and send. */
  private void submit(NonceLane lane, RelayRecord record) {
    try {
      Optional<RelayRecord> current = journal.find(record.id());
      if (current.isEmpty() || current.get().state().isFinal()) {
        finish(lane, current.orElse(record));
        return;
      }
      SendPlan plan = plan(lane, record.job());
      if (plan instanceof SendPlan.Refused refused) {
        // No nonce is taken yet, so failing leaves no gap.
        fail(lane, record, refused.reason());
        return;
      }
      long floor = broadcaster.pendingNonce(lane.relayer());
      NonceAssignment assignment = ledger.assign(lane.relayer(), Optional.of(record.id()), floor);
      send(lane, record, assignment.nonce(), (SendPlan.Ready) plan);
    } catch (ChainUnavailableException e) {
      // Nothing was sent; try the whole step again shortly (the journal still says VALIDATED).
      timer.schedule(
          () -> lane.urgent(() -> submit(lane, record)),
          settings.pollInterval().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      fail(lane, record, "internal error: " + e.getMessage());
    }
  }

  /**
   * Re-checks {@code job} and sizes its transaction as {@code lane}'s key will send it: simulated
   * from that key at the fee cap it will pay, never above the quoted gas limit or fee cap.
   */
  private SendPlan plan(NonceLane lane, RelayJob job) {
    Optional<String> refusal = settings.sendChecks().refusal(job, chain, clock.instant());
    if (refusal.isPresent()) {
      return new SendPlan.Refused(refusal.get());
    }
    FeeMarket market = chain.feeMarket();
    GasTier tier = tier(job);
    Optional<GasBudget> budget = job.quotedBudget();
    Wei ceiling = min(tier.maxFeePerGas(market), settings.replacement().ceiling());
    Wei cap = budget.map(quoted -> min(quoted.maxFeePerGas(), ceiling)).orElse(ceiling);
    Wei tip = min(tier.tip(market), cap);
    Chain.Simulation simulation = chain.simulate(job, lane.relayer(), cap);
    if (simulation instanceof Chain.Simulation.Reverts reverts) {
      return new SendPlan.Refused("reverts before sending: " + reverts.reason());
    }
    BigInteger gas = ((Chain.Simulation.Succeeds) simulation).gas();
    if (budget.isPresent() && gas.compareTo(budget.get().gasLimit()) > 0) {
      return new SendPlan.Refused(
          "the call needs "
              + gas
              + " gas when the relayer sends it, above the quoted limit of "
              + budget.get().gasLimit()
              + "; nothing was sent or charged");
    }
    BigInteger gasLimit =
        ceilPercent(gas, HUNDRED.add(BigInteger.valueOf(settings.gasLimitMarginPercent())));
    return new SendPlan.Ready(
        budget.map(quoted -> gasLimit.min(quoted.gasLimit())).orElse(gasLimit), cap, tip);
  }

  private void send(NonceLane lane, RelayRecord record, long nonce, SendPlan.Ready plan) {
    TransactionDraft draft =
        new TransactionDraft(
            lane.relayer(),
            settings.chainId(),
            nonce,
            Optional.of(record.job()),
            plan.gasLimit(),
            plan.maxFeePerGas(),
            plan.tip(),
            settings.eip1559());
    Optional<Transmitter.Sent> sent = transmitter.transmit(draft, Optional.of(record.id()));
    if (sent.isEmpty()) {
      fail(lane, record, "relayer nonce " + nonce + " was no longer available");
      return;
    }
    handleSend(lane, record, nonce, draft, sent.get());
  }

  private void handleSend(
      NonceLane lane,
      RelayRecord record,
      long nonce,
      TransactionDraft draft,
      Transmitter.Sent sent) {
    SendResult result = sent.result();
    if (result instanceof SendResult.InsufficientFunds) {
      abandon(lane, record, nonce, "the relayer has too little CRO for gas");
    } else if (result instanceof SendResult.Rejected rejected) {
      abandon(lane, record, nonce, "the node refused the transaction: " + rejected.reason());
    } else {
      // Accepted, already known, underpriced (a transaction for this nonce is pooled), nonce
      // too low (it may be ours, mined) or unreachable (it may have arrived): the watch finds out.
      watches
          .get(lane.relayer())
          .watch(
              new InFlight(
                  nonce,
                  Optional.of(record.id()),
                  record.job().payer(),
                  draft,
                  List.of(sent.transaction()),
                  sent.transaction().signedAt(),
                  result instanceof SendResult.Unreachable));
    }
  }

  /** The job cannot go out on the nonce it holds: fail it and fill the nonce so no gap is left. */
  private void abandon(NonceLane lane, RelayRecord record, long nonce, String reason) {
    fail(lane, record, reason);
    ledger.orphan(lane.relayer(), nonce);
    fillGap(lane, nonce);
  }

  private void fillGap(NonceLane lane, long nonce) {
    FeeMarket market = chain.feeMarket();
    GasTier tier = settings.tiers().find(settings.defaultTier()).orElseThrow();
    Wei cap = min(tier.maxFeePerGas(market), settings.replacement().ceiling());
    TransactionDraft filler =
        TransactionDraft.gapFiller(
            lane.relayer(),
            settings.chainId(),
            nonce,
            cap,
            min(tier.tip(market), cap),
            settings.eip1559());
    transmitter
        .transmit(filler, Optional.empty())
        .ifPresent(
            sent ->
                watches
                    .get(lane.relayer())
                    .watch(
                        new InFlight(
                            nonce,
                            Optional.empty(),
                            lane.relayer(),
                            filler,
                            List.of(sent.transaction()),
                            sent.transaction().signedAt(),
                            sent.result() instanceof SendResult.Unreachable)));
  }

  private void fail(NonceLane lane, RelayRecord record, String reason) {
    RelayRecord.Step step = tracking.failed(record.id(), reason, clock.instant());
    finish(lane, stepped(step, record));
  }

  private void finish(NonceLane lane, RelayRecord record) {
    LOG.log(
        System.Logger.Level.INFO,
        "{0} {1}{2}",
        record.id(),
        record.state(),
        record.failure().map(why -> ": " + why).orElse(""));
    lane.finished(record.job().payer());
    CompletableFuture<RelayRecord> done = waiting.remove(record.id());
    if (done != null) {
      done.complete(record);
    }
  }

  private static RelayRecord stepped(RelayRecord.Step step, RelayRecord fallback) {
    if (step instanceof RelayRecord.Step.Moved moved) {
      return moved.record();
    }
    if (step instanceof RelayRecord.Step.Unchanged unchanged) {
      return unchanged.record();
    }
    return fallback;
  }

  /**
   * Finishes what a crash interrupted: every relayer nonce assigned but not mined is re-sent from
   * its recorded bytes (or, if nothing was signed yet, signed for its job or filled), and every
   * journaled job that never got a nonce is dispatched again. Call once at start, before new work.
   */
  public void recover() {
    LOG.log(
        System.Logger.Level.INFO, "recovering in-flight work from the journal and nonce ledger");
    for (NonceLane lane : lanes.values()) {
      for (NonceAssignment assignment : ledger.pending(lane.relayer())) {
        lane.urgent(() -> resume(lane, assignment));
      }
    }
    for (RelayRecord record : journal.inFlight()) {
      Optional<NonceAssignment> assignment = ledger.forRecord(record.id());
      if (assignment.isEmpty()) {
        waiting.computeIfAbsent(record.id(), id -> new CompletableFuture<>());
        dispatch(record);
      } else if (assignment.get().mined().isPresent()) {
        NonceLane lane = lanes.get(assignment.get().relayer());
        broadcaster
            .receipt(assignment.get().mined().get())
            .ifPresent(receipt -> lane.urgent(() -> confirm(lane, record.id(), receipt)));
      }
    }
  }

  private void resume(NonceLane lane, NonceAssignment assignment) {
    Optional<RelayRecord> record = assignment.recordId().flatMap(journal::find);
    Optional<SignedTransaction> latest = assignment.latest();
    if (latest.isPresent()) {
      SignedTransaction tx = latest.get();
      TransactionDraft draft =
          new TransactionDraft(
              lane.relayer(),
              settings.chainId(),
              assignment.nonce(),
              record.map(RelayRecord::job),
              tx.gasLimit(),
              tx.maxFeePerGas(),
              tx.tip(),
              settings.eip1559());
      // A crash between the ledger's write and the journal's leaves the journal without the
      // hashes; the receipt of any of them must be recognised as this record's.
      record.ifPresent(
          r ->
              assignment
                  .transactions()
                  .forEach(sent -> tracking.submitted(r.id(), sent.hash(), clock.instant())));
      SendResult again = transmitter.send(tx);
      Address payer = record.map(r -> r.job().payer()).orElse(lane.relayer());
      record.ifPresent(r -> lane.adopt(payer));
      watches
          .get(lane.relayer())
          .watch(
              new InFlight(
                  assignment.nonce(),
                  assignment.recordId(),
                  payer,
                  draft,
                  assignment.transactions(),
                  clock.instant(),
                  again instanceof SendResult.Unreachable));
    } else if (record.isPresent() && !record.get().state().isFinal()) {
      RelayRecord job = record.get();
      waiting.computeIfAbsent(job.id(), id -> new CompletableFuture<>());
      lane.adopt(job.job().payer());
      SendPlan plan = plan(lane, job.job());
      if (plan instanceof SendPlan.Refused refused) {
        abandon(lane, job, assignment.nonce(), refused.reason());
      } else {
        send(lane, job, assignment.nonce(), (SendPlan.Ready) plan);
      }
    } else {
      ledger.orphan(lane.relayer(), assignment.nonce());
      fillGap(lane, assignment.nonce());
    }
  }

  private void confirm(NonceLane lane, String recordId, Receipt receipt) {
    RelayRecord.Step step = tracking.confirmed(recordId, receipt, clock.instant());
    journal.find(recordId).ifPresent(record -> finish(lane, stepped(step, record)));
  }

  private GasTier tier(RelayJob job) {
    String name =
        job instanceof RelayJob.ForwarderCall call
            ? call.request().metaTransaction().gasLevel()
            : settings.defaultTier();
    return settings
        .tiers()
        .find(name)
        .or(() -> settings.tiers().find(settings.defaultTier()))
        .orElseThrow();
  }

  private static Wei min(Wei a, Wei b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static BigInteger ceilPercent(BigInteger value, BigInteger percent) {
    BigInteger[] qr = value.multiply(percent).divideAndRemainder(HUNDRED);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    lanes.values().forEach(NonceLane::close);
  }

  /** A job's transaction as it will be sent, or why it must not be sent. */
  private sealed interface SendPlan permits SendPlan.Ready, SendPlan.Refused {
    record Ready(BigInteger gasLimit, Wei maxFeePerGas, Wei tip) implements SendPlan {}

    record Refused(String reason) implements SendPlan {}
  }

  /** How the watches' findings reach the journal and the callers. */
  private final class Resolutions implements LaneWatch.Outcomes {
    @Override
    public void mined(NonceLane lane, InFlight nonce, Receipt receipt) {
      ledger.markMined(lane.relayer(), nonce.nonce, receipt.txHash());
      nonce.recordId.ifPresent(id -> confirm(lane, id, receipt));
    }

    @Override
    public void lost(NonceLane lane, InFlight nonce) {
      nonce.recordId.ifPresent(
          id ->
              journal
                  .find(id)
                  .ifPresent(
                      record ->
                          fail(
                              lane,
                              record,
                              "relayer nonce "
                                  + nonce.nonce
                                  + " was used by a transaction CroGas did not send; resubmit")));
    }

    @Override
    public void internalError(RuntimeException e) {
      // A bug must not stop the watch; the next tick retries and the journal keeps the truth.
      LOG.log(System.Logger.Level.ERROR, "watching the relayer's nonces failed", e);
    }
  }
}
