package io.crogas.testfixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing on its own: a test runs what is due with {@link #runDue()}, or
 * moves its {@link MutableClock} forward with {@link #advance}, which runs each task when its time
 * comes, in time order, on the test's thread. Time-driven code (timers, retries, periodic checks)
 * is then tested without sleeping and without depending on how busy the machine is. A task that
 * throws fails the call that ran it; a periodic task runs with a fixed delay after its last run.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  /** More tasks than this in one call means tasks keep scheduling each other for now. */
  private static final int MAX_TASKS_PER_CALL = 100_000;

  private final MutableClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /** Runs every task due now, including tasks they schedule for now; returns how many ran. */
  public int runDue() {
    return runUntil(clock.instant());
  }

  /**
   * Moves the clock {@code by} forward, running each task at its due time; returns how many ran.
   */
  public int advance(Duration by) {
    Instant target = clock.instant().plus(by);
    int ran = runUntil(target);
    clock.advance(Duration.between(clock.instant(), target));
    return ran;
  }

  /** Tasks waiting (periodic ones count once). */
  public synchronized int waiting() {
    return queue.size();
  }

  private int runUntil(Instant target) {
    for (int ran = 0; ran < MAX_TASKS_PER_CALL; ran++) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(target)) {
          return ran;
        }
        queue.poll();
      }
      if (next.due.isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), next.due));
      }
      next.run();
    }
    throw new IllegalStateException(
        MAX_TASKS_PER_CALL + " tasks ran in one call: tasks keep scheduling each other for now");
  }

  private synchronized <V> Task<V> add(Task<V> task) {
    if (!shutdown) {
      queue.add(task);
    }
    return task;
  }

  private <V> Task<V> at(Callable<V> work, long delay, TimeUnit unit, Duration period) {
    Instant due = clock.instant().plusNanos(unit.toNanos(Math.max(0, delay)));
    synchronized (this) {
      return add(new Task<>(work, due, sequence++, period));
    }
  }

  @Override
  public void execute(Runnable command) {
    at(Executors.callable(command), 0, TimeUnit.NANOSECONDS, null);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return at(Executors.callable(command), delay, unit, null);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return at(callable, delay, unit, null);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    // Tasks run when the test says, never late: a fixed rate is a fixed delay here.
    return scheduleWithFixedDelay(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    if (delay <= 0) {
      throw new IllegalArgumentException("a periodic task needs a positive delay");
    }
    return at(
        Executors.callable(command), initialDelay, unit, Duration.ofNanos(unit.toNanos(delay)));
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> never = new ArrayList<>(queue);
    queue.clear();
    return never;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  /** One scheduled run of {@code work}, again every {@code period} after it ran if periodic. */
  private final class Task<V> implements ScheduledFuture<V>, Runnable {
    private final Callable<V> work;
    private Instant due;
    private long order;
    private final Duration period;
    private volatile boolean cancelled;
    private volatile boolean done;
    private V result;

    Task(Callable<V> work, Instant due, long order, Duration period) {
      this.work = work;
      this.due = due;
      this.order = order;
      this.period = period;
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      try {
        result = work.call();
      } catch (RuntimeException e) {
        done = true;
        throw e;
      } catch (Exception e) {
        done = true;
        throw new IllegalStateException(e);
      }
      if (period == null) {
        done = true;
        return;
      }
      synchronized (ManualScheduler.this) {
        if (!cancelled) {
          due = clock.instant().plus(period);
          order = sequence++;
          add(this);
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> that = (Task<?>) other;
      int byDue = due.compareTo(that.due);
      return byDue != 0 ? byDue : Long.compare(order, that.order);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      synchronized (ManualScheduler.this) {
        queue.remove(this);
      }
      return !done;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public V get() throws ExecutionException {
      if (!done) {
        throw new IllegalStateException("not run yet: the test runs it with runDue() or advance()");
      }
      return result;
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws ExecutionException {
      return get();
    }
  }
}
