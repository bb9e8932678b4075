package io.crogas.node.webhooks;

import io.crogas.domain.service.RelayerBalanceWatch;
import io.crogas.domain.service.WebhookDispatcher;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs webhook work on its own thread, never the engine's or a request's: the outbox is looked at
 * every poll interval and at once when a request finishes ({@link #wake}); relayer balances every
 * balance interval. A failing pass (store or chain unreachable) is logged and tried at the next.
 */
public final class WebhookWorker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WebhookWorker.class.getName());

  private final WebhookDispatcher dispatcher;
  private final RelayerBalanceWatch balances;
  private final Duration pollInterval;
  private final Duration balanceInterval;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();

  public WebhookWorker(
      WebhookDispatcher dispatcher,
      RelayerBalanceWatch balances,
      Duration pollInterval,
      Duration balanceInterval) {
    this.dispatcher = dispatcher;
    this.balances = balances;
    this.pollInterval = pollInterval;
    this.balanceInterval = balanceInterval;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "crogas-webhooks");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts the schedules; the first pass runs at once (deliveries left by a previous run). */
  public void start() {
    executor.scheduleWithFixedDelay(
        this::deliver, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        this::checkBalances, 0, balanceInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Something was written to the outbox: look now rather than at the next poll. */
  public void wake() {
    if (wakeQueued.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              wakeQueued.set(false);
              deliver();
            });
      } catch (RejectedExecutionException stopped) {
        wakeQueued.set(false);
      }
    }
  }

  private void deliver() {
    try {
      dispatcher.deliverDue();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "webhook deliveries paused until the next poll", e);
    }
  }

  private void checkBalances() {
    try {
      balances.check();
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "relayer balance check failed; next in " + balanceInterval,
          e);
    }
  }

  /**
   * Stops; a send in progress is interrupted and counted as a failed attempt, so it is sent again
   * (same delivery id) by the next run.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "webhook worker did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
