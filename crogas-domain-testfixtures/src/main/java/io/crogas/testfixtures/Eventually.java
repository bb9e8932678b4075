package io.crogas.testfixtures;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one bounded wait for tests that watch real threads or a real node: checks a condition until
 * it holds or the deadline passes, then fails saying what was awaited. Use it only where time is
 * not the test's to control; where it is, drive a {@link ManualScheduler} instead.
 */
public final class Eventually {
  /** Long enough for a loaded CI machine, short enough that a hang fails the build quickly. */
  public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(10);

  private static final long PAUSE_NANOS = Duration.ofMillis(2).toNanos();

  private Eventually() {}

  /** Waits up to {@link #DEFAULT_WITHIN} for {@code condition}, described by {@code what}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT_WITHIN, condition);
  }

  /**
   * Waits up to {@code within} for {@code condition}; fails naming {@code what} if it never held.
   */
  public static void until(String what, Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    int checks = 0;
    while (true) {
      checks++;
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "waited " + within.toMillis() + " ms (" + checks + " checks) for " + what);
      }
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }

  /** Waits up to {@link #DEFAULT_WITHIN} for {@code probe} to find a value, and returns it. */
  public static <T> T value(String what, Supplier<Optional<T>> probe) {
    AtomicReference<T> found = new AtomicReference<>();
    until(
        what,
        () -> {
          probe.get().ifPresent(found::set);
          return found.get() != null;
        });
    return found.get();
  }
}
