package io.crogas.cli.dev;

import io.crogas.cli.CliFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A server process {@code crogas dev} starts (anvil, redis-server): its output in a log file, ready
 * once a probe answers, stopped with its children (SIGTERM, then SIGKILL after 5 s). {@link
 * DevStack}'s shutdown hook stops them in order, so they have none of their own.
 */
final class LocalProcess {
  private static final Duration PROBE_EVERY = Duration.ofMillis(100);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Process process;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private LocalProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code command}, its standard output and error in {@code log}. */
  static LocalProcess start(List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      process.getOutputStream().close();
      return new LocalProcess(process);
    } catch (IOException e) {
      throw new CliFailure("cannot start " + command.get(0), e);
    }
  }

  /**
   * Asks {@code ready} every 100 ms until it says yes; stops the process and fails with {@code
   * notReady} if it exits or {@code timeout} passes first.
   */
  void awaitReady(BooleanSupplier ready, Duration timeout, String notReady) {
    long until = System.nanoTime() + timeout.toNanos();
    while (process.isAlive() && System.nanoTime() < until) {
      if (ready.getAsBoolean()) {
        return;
      }
      try {
        process.waitFor(PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new CliFailure("interrupted: " + notReady, e);
      }
    }
    stop();
    throw new CliFailure(notReady);
  }

  /** Stops the process and its children, e.g. the binary behind a Node wrapper (idempotent). */
  void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    List<ProcessHandle> all =
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    all.forEach(ProcessHandle::destroy);
    all.forEach(LocalProcess::awaitExit);
  }

  private static void awaitExit(ProcessHandle handle) {
    try {
      handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      handle.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    }
  }
}
