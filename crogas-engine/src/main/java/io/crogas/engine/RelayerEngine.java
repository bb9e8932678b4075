package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.Percent;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.RelayEngine;
import io.crogas.domain.port.out.RelayerSigner;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts accepted jobs on chain through a pool of relayer keys, one {@link NonceLane} each. A job is
 * re-simulated, given a nonce (written before signing), signed, recorded (before sending) and sent
 * on its lane's thread; the lane's {@link LaneWatch} then sees it mined, re-sends it, or replaces
 * it. Only keys in rotation ({@link KeyRotation}) take new jobs. Every unmined nonce in the ledger
 * is compared with what the watch holds on each tick and driven again if nothing drives it, so no
 * failure around a nonce leaves it behind. {@link #recover()} finishes whatever a crash
 * interrupted.
 */
public final class RelayerEngine implements RelayEngine, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RelayerEngine.class.getName());

  private final EngineSettings settings;
  private final Chain chain;
  private final Broadcaster broadcaster;
  private final NonceLedger ledger;
  private final Journal journal;
  private final TrackRelayUseCase tracking;
  private final InstantSource clock;
  private final Transmitter transmitter;
  private final Map<Address, NonceLane> lanes = new ConcurrentHashMap<>();
  private final Map<Address, LaneWatch> watches = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<RelayRecord>> waiting = new ConcurrentHashMap<>();
  private final Map<Address, AtomicBoolean> reconciling = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final KeyRotation rotation;

  /** Records counted in a lane's load: counted once, released once, however often finished. */
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  public RelayerEngine(
      EngineSettings settings,
      List<Address> relayers,
      Chain chain,
      Broadcaster broadcaster,
      RelayerSigner signer,
      NonceLedger ledger,
      Journal journal,
      TrackRelayUseCase tracking,
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
    this.rotation = new KeyRotation(chain, relayers);
    // A thread per lane (and one for the key checks), so one lane's slow RPC reads do not hold up
    // the others' watches.
    this.timer =
        Executors.newScheduledThreadPool(
            relayers.size() + 1,
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
              settings.receiptGrace(),
              clock,
              new Resolutions());
      lanes.put(relayer, lane);
      watches.put(relayer, watch);
      reconciling.put(relayer, new AtomicBoolean());
      timer.scheduleWithFixedDelay(
          () -> {
            watch.run();
            reconcileSoon(lane);
          },
          period,
          period,
          TimeUnit.MILLISECONDS);
    }
    long checks = settings.keyCheckInterval().toMillis();
    timer.scheduleWithFixedDelay(rotation::checkAll, checks, checks, TimeUnit.MILLISECONDS);
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

  /** Relayer keys that take no new jobs (empty, or not listed by the forwarder), and why. */
  public Map<Address, String> outOfRotation() {
    return rotation.outOfRotation();
  }

  /**
   * Puts {@code record} on a lane in rotation, or fails it at once (nothing sent, nothing charged)
   * when no key can take it or the lane is full.
   */
  private synchronized void dispatch(RelayRecord record) {
    Address payer = record.job().payer();
    Optional<NonceLane> chosen = laneFor(payer);
    if (chosen.isEmpty()) {
      refuse(record, "no relayer key can take jobs now: " + describe(outOfRotation()));
      return;
    }
    NonceLane lane = chosen.get();
    if (lane.load() >= settings.laneQueueLimit()) {
      refuse(
          record,
          "the relayer's queue is full ("
              + settings.laneQueueLimit()
              + " jobs); nothing was sent or charged, try again shortly");
      return;
    }
    counted.add(record.id());
    lane.enqueue(payer, priority(record.job()), () -> submit(lane, record));
  }

  private static String describe(Map<Address, String> out) {
    return String.join(
        "; ", out.entrySet().stream().map(e -> e.getKey().value() + " " + e.getValue()).toList());
  }

  /**
   * A payer's jobs stay on one lane while any is in flight, so their order holds, unless that lane
   * left the rotation; otherwise the least-loaded lane in rotation.
   */
  private synchronized Optional<NonceLane> laneFor(Address payer) {
    List<NonceLane> open =
        lanes.values().stream().filter(lane -> rotation.inRotation(lane.relayer())).toList();
    return open.stream()
        .filter(lane -> lane.serves(payer))
        .findFirst()
        .or(() -> open.stream().min(Comparator.comparingInt(NonceLane::load)));
  }

  /**
   * {@code from}'s key cannot pay for {@code record}, which holds no nonce of it: the job goes to
   * another lane in rotation, or fails with nothing sent when there is none.
   */
  private synchronized void move(NonceLane from, RelayRecord record) {
    Address payer = record.job().payer();
    Optional<NonceLane> to = laneFor(payer);
    if (to.isEmpty()) {
      fail(
          from,
          record,
          "no relayer key has the CRO to pay for this job now (too little CRO for gas); nothing"
              + " was charged");
      return;
    }
    from.finished(payer);
    NonceLane lane = to.get();
    lane.enqueue(payer, priority(record.job()), () -> submit(lane, record));
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
      if (ledger.forRecord(record.id()).isPresent()) {
        return; // it holds a nonce already: the lane's reconciliation drives it
      }
      SendPlan plan = plan(lane, record.job());
      if (plan instanceof SendPlan.Refused refused) {
        if (cannotPayQuoted(lane, record.job())) {
          // Simulated at a real gas price, an empty key's call fails: another key may send it.
          move(lane, record);
          return;
        }
        // No nonce is taken yet, so failing leaves no gap.
        fail(lane, record, refused.reason());
        return;
      }
      SendPlan.Ready ready = (SendPlan.Ready) plan;
      // The worst case is what this job can cost the key: never above the quoted limit and cap.
      Wei worstCase = ready.maxFeePerGas().times(ready.gasLimit());
      if (!rotation.covers(lane.relayer(), worstCase)) {
        move(lane, record);
        return;
      }
      long floor = broadcaster.pendingNonce(lane.relayer());
      NonceAssignment assignment = ledger.assign(lane.relayer(), Optional.of(record.id()), floor);
      send(lane, record, assignment.nonce(), ready);
    } catch (ChainUnavailableException e) {
      if (ledger.forRecord(record.id()).isEmpty()) {
        // Nothing was sent; try the whole step again shortly (the journal still says VALIDATED).
        timer.schedule(
            () -> lane.urgent(() -> submit(lane, record)),
            settings.pollInterval().toMillis(),
            TimeUnit.MILLISECONDS);
      } // else the nonce is assigned: the lane's reconciliation signs, sends or fills it
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "submitting " + record.id() + " failed", e);
      Optional<NonceAssignment> held = ledger.forRecord(record.id());
      if (held.isPresent() && !held.get().transactions().isEmpty()) {
        return; // a transaction may be out: the reconciliation re-sends and watches it
      }
      fail(lane, record, "internal error: " + e.getMessage());
      held.ifPresent(a -> orphanAndFill(lane, a.nonce()));
    }
  }

  /** Whether {@code lane}'s key holds less than the job's quoted worst case (limit × cap). */
  private boolean cannotPayQuoted(NonceLane lane, RelayJob job) {
    return job.quotedBudget()
        .map(
            quoted ->
                !rotation.covers(lane.relayer(), quoted.maxFeePerGas().times(quoted.gasLimit())))
        .orElse(false);
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
    // Up, as the quote rounds it: a limit a unit short could run out of gas.
    BigInteger gasLimit =
        Percent.percent(settings.gasLimitMarginPercent()).asMargin().of(gas, RoundingMode.CEILING);
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
      // Refused, so nothing of this job is pooled: its nonce is filled once the key can pay, and
      // the job moves to a key that can pay now.
      rotation.ranDry(lane.relayer(), draft.maxFeePerGas().times(draft.gasLimit()));
      orphanAndFill(lane, nonce);
      move(lane, record);
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
    orphanAndFill(lane, nonce);
  }

  private void orphanAndFill(NonceLane lane, long nonce) {
    ledger.orphan(lane.relayer(), nonce);
    fillGap(lane, nonce, Optional.empty(), List.of());
  }

  /**
   * Sends a no-op self-transfer for {@code nonce}, priced above {@code earlier}'s latest bytes so
   * that it replaces them if a node still holds them, and watches it with their hashes (a receipt
   * of one of them confirms {@code recordId}). Never throws: a nonce it cannot fill now stays in
   * the ledger, and the lane's reconciliation comes back to it.
   */
  private void fillGap(
      NonceLane lane, long nonce, Optional<String> recordId, List<SignedTransaction> earlier) {
    try {
      FeeMarket market = chain.feeMarket();
      GasTier tier = settings.tiers().find(settings.defaultTier()).orElseThrow();
      Wei cap = min(tier.maxFeePerGas(market), settings.replacement().ceiling());
      Wei tip = min(tier.tip(market), cap);
      if (!earlier.isEmpty()) {
        SignedTransaction last = earlier.get(earlier.size() - 1);
        Optional<ReplacementPolicy.Fees> above =
            settings
                .replacement()
                .next(new ReplacementPolicy.Fees(last.maxFeePerGas(), last.tip()), 0);
        if (above.isPresent() && above.get().maxFeePerGas().compareTo(cap) > 0) {
          cap = above.get().maxFeePerGas();
          tip = above.get().tip();
        }
      }
      TransactionDraft filler =
          TransactionDraft.gapFiller(
              lane.relayer(), settings.chainId(), nonce, cap, tip, settings.eip1559());
      Optional<Transmitter.Sent> sent = transmitter.transmit(filler, Optional.empty());
      if (sent.isEmpty()) {
        return;
      }
      List<SignedTransaction> all = new java.util.ArrayList<>(earlier);
      all.add(sent.get().transaction());
      InFlight inFlight =
          new InFlight(
              nonce,
              recordId,
              lane.relayer(),
              filler,
              all,
              sent.get().transaction().signedAt(),
              sent.get().result() instanceof SendResult.Unreachable);
      inFlight.answered(refusedSend(sent.get().result()), sent.get().transaction().signedAt());
      watches.get(lane.relayer()).watch(inFlight);
    } catch (ChainUnavailableException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "nonce {0} of {1} is filled later: {2}",
          nonce,
          lane.relayer(),
          e.getMessage());
    }
  }

  private static boolean refusedSend(SendResult result) {
    return result instanceof SendResult.InsufficientFunds || result instanceof SendResult.Rejected;
  }

  private void fail(NonceLane lane, RelayRecord record, String reason) {
    RelayRecord.Step step =
        tracking.track(new TrackRelayCommand.Failed(record.id(), reason, clock.instant()));
    finish(lane, stepped(step, record));
  }

  /** Fails a job no lane took: nothing was sent for it. */
  private void refuse(RelayRecord record, String reason) {
    RelayRecord.Step step =
        tracking.track(new TrackRelayCommand.Failed(record.id(), reason, clock.instant()));
    report(stepped(step, record));
  }

  private void finish(NonceLane lane, RelayRecord record) {
    if (counted.remove(record.id())) {
      lane.finished(record.job().payer());
    }
    report(record);
  }

  private void report(RelayRecord record) {
    LOG.log(
        System.Logger.Level.INFO,
        "{0} {1}{2}",
        record.id(),
        record.state(),
        record.failure().map(why -> ": " + why).orElse(""));
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
   * Finishes what a crash interrupted: every relayer nonce assigned but not mined is driven again
   * by the lanes' reconciliation (looked up before anything is re-sent), and every journaled job
   * that never got a nonce is dispatched again. Reads each key's registration and balance first.
   * Call once at start, before new work.
   */
  public void recover() {
    LOG.log(
        System.Logger.Level.INFO, "recovering in-flight work from the journal and nonce ledger");
    rotation.checkAll();
    lanes.values().forEach(this::reconcileSoon);
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

  /** Queues one reconciliation on the lane's thread unless one is queued already. */
  private void reconcileSoon(NonceLane lane) {
    AtomicBoolean queued = reconciling.get(lane.relayer());
    if (queued.compareAndSet(false, true)) {
      lane.urgent(
          () -> {
            queued.set(false);
            reconcile(lane);
          });
    }
  }

  /**
   * On the lane's thread, so no send of this lane is half done: every nonce the ledger holds
   * unmined that the watch does not hold is resumed. This is what leaves no nonce behind whatever
   * failed around it (an exception, the chain away while a filler was prepared, a crash).
   */
  private void reconcile(NonceLane lane) {
    LaneWatch watch = watches.get(lane.relayer());
    try {
      for (NonceAssignment assignment : ledger.pending(lane.relayer())) {
        if (!watch.watches(assignment.nonce())) {
          resume(lane, assignment);
        }
      }
    } catch (ChainUnavailableException e) {
      // The next tick comes back to it.
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "reconciling the nonces of " + lane.relayer(), e);
    }
  }

  private void resume(NonceLane lane, NonceAssignment assignment) {
    Optional<RelayRecord> record = assignment.recordId().flatMap(journal::find);
    boolean live = record.isPresent() && !record.get().state().isFinal();
    Optional<SignedTransaction> latest = assignment.latest();
    if (live && latest.isPresent()) {
      RelayRecord job = record.get();
      // A crash between the ledger's write and the journal's leaves the journal without the
      // hashes; the receipt of any of them must be recognised as this record's.
      assignment
          .transactions()
          .forEach(
              sent ->
                  tracking.track(
                      new TrackRelayCommand.Submitted(job.id(), sent.hash(), clock.instant())));
      adopt(lane, job);
      // Look before re-sending: the bytes of a nonce the chain has passed are only looked up.
      boolean passed = broadcaster.minedNonce(lane.relayer()) > assignment.nonce();
      SendResult again = passed ? new SendResult.NonceTooLow() : transmitter.send(latest.get());
      SignedTransaction tx = latest.get();
      TransactionDraft draft =
          new TransactionDraft(
              lane.relayer(),
              settings.chainId(),
              assignment.nonce(),
              Optional.of(job.job()),
              tx.gasLimit(),
              tx.maxFeePerGas(),
              tx.tip(),
              settings.eip1559());
      InFlight inFlight =
          new InFlight(
              assignment.nonce(),
              assignment.recordId(),
              job.job().payer(),
              draft,
              assignment.transactions(),
              clock.instant(),
              again instanceof SendResult.Unreachable);
      inFlight.answered(refusedSend(again), clock.instant());
      watches.get(lane.relayer()).watch(inFlight);
    } else if (live) {
      RelayRecord job = record.get();
      waiting.computeIfAbsent(job.id(), id -> new CompletableFuture<>());
      adopt(lane, job);
      SendPlan plan = plan(lane, job.job());
      if (plan instanceof SendPlan.Refused refused) {
        abandon(lane, job, assignment.nonce(), refused.reason());
      } else {
        send(lane, job, assignment.nonce(), (SendPlan.Ready) plan);
      }
    } else if (latest.filter(RelayerEngine::isFiller).isPresent()) {
      SendResult again = transmitter.send(latest.get());
      SignedTransaction tx = latest.get();
      InFlight inFlight =
          new InFlight(
              assignment.nonce(),
              assignment.recordId(),
              lane.relayer(),
              TransactionDraft.gapFiller(
                  lane.relayer(),
                  settings.chainId(),
                  assignment.nonce(),
                  tx.maxFeePerGas(),
                  tx.tip(),
                  settings.eip1559()),
              assignment.transactions(),
              clock.instant(),
              again instanceof SendResult.Unreachable);
      inFlight.answered(refusedSend(again), clock.instant());
      watches.get(lane.relayer()).watch(inFlight);
    } else {
      // An orphan, or a job already reported final: its bytes are never sent again (it may not
      // execute after being reported failed). A filler takes the nonce, priced to replace them if
      // a node still holds them; a receipt of theirs still confirms the record.
      fillGap(lane, assignment.nonce(), assignment.recordId(), assignment.transactions());
    }
  }

  /** Counts a recovered job in its lane's load once. */
  private void adopt(NonceLane lane, RelayRecord job) {
    if (counted.add(job.id())) {
      lane.adopt(job.job().payer());
    }
  }

  /** A gap filler: the only transaction the engine signs with the plain-transfer gas limit. */
  private static boolean isFiller(SignedTransaction tx) {
    return tx.gasLimit().equals(TransactionDraft.TRANSFER_GAS);
  }

  private void confirm(NonceLane lane, String recordId, Receipt receipt) {
    RelayRecord.Step step =
        tracking.track(new TrackRelayCommand.Confirmed(recordId, receipt, clock.instant()));
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
      // Passed: no restart re-sends or re-watches it; the watch still looks for a late receipt.
      ledger.markMined(lane.relayer(), nonce.nonce, NonceLedger.USED_ELSEWHERE);
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
                                  + " was used by a transaction CroGas did not send, and no"
                                  + " receipt of its own came within "
                                  + settings.receiptGrace().toSeconds()
                                  + " s; resubmit (a late receipt would still correct this)")));
    }

    @Override
    public void internalError(RuntimeException e) {
      // A bug must not stop the watch; the next tick retries and the journal keeps the truth.
      LOG.log(System.Logger.Level.ERROR, "watching the relayer's nonces failed", e);
    }
  }
}
