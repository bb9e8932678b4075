package io.crogas.engine;

import io.crogas.domain.model.Address;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where the engine's work runs: each lane's sender, which runs one task at a time, and the timer
 * that drives the watches, the key checks and delayed retries. Injected so that a test can run them
 * on a scheduler it advances itself; {@link RelayerEngine#close()} shuts down what it was given.
 */
public interface EngineThreads {

  /** The timer for {@code lanes} lanes' watches and one task of key checks. */
  ScheduledExecutorService timer(int lanes);

  /** The executor of {@code relayer}'s lane. */
  ExecutorService lane(Address relayer);

  /**
   * Daemon threads: one per lane, and a timer thread per lane plus one for the key checks, so one
   * lane's slow RPC reads do not hold up the others' watches.
   */
  static EngineThreads daemons() {
    return new EngineThreads() {
      @Override
      public ScheduledExecutorService timer(int lanes) {
        return Executors.newScheduledThreadPool(
            lanes + 1, runnable -> daemon(runnable, "crogas-watch"));
      }

      @Override
      public ExecutorService lane(Address relayer) {
        String name = "crogas-lane-" + relayer.value().substring(0, 10);
        return Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name));
      }
    };
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
