package io.crogas.cli.command;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a long-running command ({@code dev}, {@code serve}) in the foreground until Ctrl-C or
 * SIGTERM, then closes what it started: the JVM's shutdown hook does the closing, because the
 * signal ends the process once the hooks have run.
 */
final class Foreground {
  private Foreground() {}

  static int runUntilStopped(AutoCloseable running) {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeQuietly(running), "crogas-foreground-stop"));
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(running);
    return 0;
  }

  private static void closeQuietly(AutoCloseable running) {
    try {
      running.close();
    } catch (Exception e) {
      System.err.println("crogas: stopping failed: " + e.getMessage());
    }
  }
}
