package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.RelayEngine;
import io.crogas.domain.port.out.RelayerSigner;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Puts accepted jobs on chain through a pool of relayer keys, one {@link NonceLane} each. A job is
 * re-simulated, given a nonce (written before signing), signed, recorded (before sending) and sent
 * on its lane ({@link JobSender}); the lane's {@link LaneWatch} then sees it mined, re-sends it, or
 * replaces it. Only keys in rotation ({@link KeyRotation}) take new jobs ({@link Dispatcher}).
 * Every unmined nonce in the ledger is compared with what the watch holds on each tick and driven
 * again if nothing drives it ({@link Reconciler}), so no failure around a nonce leaves it behind.
 * What to send, replace, fill or give up on is decided by the domain's relay planner ({@code
 * io.crogas.domain.relay}); this runtime reads the chain, keeps time and does what it says.
 *
 * <p>Instances sharing one store each run an engine with {@link Leasing}: a lane runs only while
 * its key's lease is held ({@link KeyHolding}), every nonce-ledger write is fenced by that lease, a
 * key lost to another instance stops at once, and a key gained has its work recovered as at a
 * restart. Jobs no key of this engine can take wait in the journal for an instance holding one.
 */
public final class RelayerEngine implements RelayEngine, AutoCloseable {
  private final Lanes lanes;
  private final KeyRotation rotation;
  private final Completions completions;
  private final Dispatcher dispatcher;
  private final Reconciler reconciler;
  private final ScheduledExecutorService timer;
  private final KeyHolding holding;

  /** An engine on daemon threads of its own ({@link EngineThreads#daemons()}). */
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
    this(
        settings,
        relayers,
        chain,
        broadcaster,
        signer,
        ledger,
        journal,
        tracking,
        clock,
        EngineThreads.daemons(),
        Optional.empty());
  }

  /**
   * An engine whose lanes and timer run on {@code threads}, reading the time from {@code clock};
   * with {@code leasing} it shares its store with other instances and runs only the lanes of the
   * keys it holds a lease on, taking free and expired keys as it finds them.
   */
  public RelayerEngine(
      EngineSettings settings,
      List<Address> relayers,
      Chain chain,
      Broadcaster broadcaster,
      RelayerSigner signer,
      NonceLedger store,
      Journal journal,
      TrackRelayUseCase tracking,
      InstantSource clock,
      EngineThreads threads,
      Optional<Leasing> leasing) {
    if (relayers.isEmpty()) {
      throw new IllegalArgumentException("the engine needs at least one relayer key");
    }
    this.holding = new KeyHolding(relayers, leasing, clock);
    NonceLedger ledger = leasing.isPresent() ? new LeasedLedger(store, holding) : store;
    Transmitter transmitter =
        new Transmitter(
            holding, signer, ledger, broadcaster, tracking, clock, settings.sendAttempts());
    this.rotation = new KeyRotation(chain, relayers);
    this.completions = new Completions(tracking, journal, clock);
    WatchOutcomes outcomes = new WatchOutcomes(ledger, journal, completions, holding);
    this.lanes =
        new Lanes(
            relayers,
            threads,
            lane ->
                new LaneWatch(lane, broadcaster, chain, transmitter, settings, clock, outcomes));
    EngineParts parts =
        new EngineParts(
            settings,
            chain,
            broadcaster,
            ledger,
            journal,
            tracking,
            clock,
            rotation,
            transmitter,
            completions,
            lanes,
            holding);
    this.timer = threads.timer(relayers.size());
    GapFiller filler = new GapFiller(parts);
    JobSender sender = new JobSender(parts, filler);
    this.dispatcher = new Dispatcher(parts, sender, timer);
    this.reconciler = new Reconciler(parts, sender, filler, dispatcher);
    new Upkeep(settings, lanes, rotation, completions, reconciler, dispatcher, holding, timer)
        .start(leasing);
  }

  @Override
  public CompletionStage<RelayRecord> execute(RelayRecord accepted) {
    CompletableFuture<RelayRecord> done = completions.register(accepted.id());
    dispatcher.dispatch(accepted);
    return done;
  }

  /** Jobs queued or in flight on all lanes. */
  public int queueDepth() {
    return lanes.loads().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Jobs queued or in flight per relayer key: the state of each nonce lane. */
  public Map<Address, Integer> laneLoads() {
    return lanes.loads();
  }

  /** Relayer keys that take no new jobs (empty, or not listed by the forwarder), and why. */
  public Map<Address, String> outOfRotation() {
    return rotation.outOfRotation();
  }

  /**
   * The relayer keys whose lanes this engine runs now: all of them unless it leases keys. A key
   * another instance holds is still in rotation for the cluster (admission, health).
   */
  public List<Address> heldKeys() {
    return lanes.all().stream().map(NonceLane::relayer).filter(holding::holds).toList();
  }

  /**
   * Finishes what a crash interrupted: every relayer nonce assigned but not mined is driven again
   * (looked up before anything is re-sent), and every journaled job that never got a nonce is
   * dispatched again. Reads each key's registration and balance first. Call once at start, before
   * new work. A leasing engine first takes the keys free for it and recovers only their nonces.
   */
  public void recover() {
    holding.refresh();
    reconciler.recover();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    lanes.close();
    holding.releaseAll();
  }
}
