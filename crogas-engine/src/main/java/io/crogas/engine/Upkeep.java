package io.crogas.engine;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine's periodic work on its timer: each held lane's watch and reconciliation every poll
 * interval, the keys' registration and balance checks, and with {@link Leasing} the lease refresh
 * (renew, take free keys, adopt unassigned jobs, complete callers from the journal). A key lost to
 * another instance has its lane's queue, watch and waiting callers dropped at once.
 */
final class Upkeep {
  private static final System.Logger LOG = System.getLogger(Upkeep.class.getName());

  private final EngineSettings settings;
  private final Lanes lanes;
  private final KeyRotation rotation;
  private final Completions completions;
  private final Reconciler reconciler;
  private final Dispatcher dispatcher;
  private final KeyHolding holding;
  private final ScheduledExecutorService timer;

  Upkeep(
      EngineSettings settings,
      Lanes lanes,
      KeyRotation rotation,
      Completions completions,
      Reconciler reconciler,
      Dispatcher dispatcher,
      KeyHolding holding,
      ScheduledExecutorService timer) {
    this.settings = settings;
    this.lanes = lanes;
    this.rotation = rotation;
    this.completions = completions;
    this.reconciler = reconciler;
    this.dispatcher = dispatcher;
    this.holding = holding;
    this.timer = timer;
  }

  void start(Optional<Leasing> leasing) {
    holding.onLost(
        key -> {
          NonceLane lane = lanes.lane(key);
          lane.drop();
          lanes.watch(lane).clear();
          completions.dropped(key);
          reconciler.dropped(lane);
        });
    long period = settings.pollInterval().toMillis();
    for (NonceLane lane : lanes.all()) {
      LaneWatch watch = lanes.watch(lane);
      timer.scheduleWithFixedDelay(
          () -> {
            if (holding.holds(lane.relayer())) {
              watch.run();
              reconciler.reconcileSoon(lane);
            }
          },
          period,
          period,
          TimeUnit.MILLISECONDS);
    }
    long checks = settings.keyCheckInterval().toMillis();
    timer.scheduleWithFixedDelay(rotation::checkAll, checks, checks, TimeUnit.MILLISECONDS);
    leasing.ifPresent(
        l -> {
          long renew = l.renewEvery().toMillis();
          timer.scheduleWithFixedDelay(() -> refreshLeases(l), renew, renew, TimeUnit.MILLISECONDS);
        });
  }

  /**
   * Renews the held leases and takes free keys (recovering their work), adopts jobs left unassigned
   * for a lease's time, and completes callers whose jobs another instance finished.
   */
  private void refreshLeases(Leasing leasing) {
    try {
      holding.refresh().forEach(key -> reconciler.takeOver(lanes.lane(key)));
      dispatcher.adoptUnassigned(leasing.ttl());
      completions.pollJournal();
    } catch (RuntimeException e) {
      // The store or the chain is away: held leases run out unless a later tick renews them.
      LOG.log(System.Logger.Level.WARNING, "refreshing the relayer key leases failed", e);
    }
  }
}
