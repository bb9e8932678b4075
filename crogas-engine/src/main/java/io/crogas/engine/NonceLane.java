package io.crogas.engine;

import io.crogas.domain.model.Address;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One relayer key's lane. A single thread assigns, signs and sends, so the key's nonces go out in
 * order with no race between two senders. Higher tiers are served first, except that a user's later
 * request never overtakes an earlier one: the forwarder would refuse its nonce.
 */
final class NonceLane implements AutoCloseable {
  private final Address relayer;
  private final ThreadPoolExecutor thread;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<Address, Integer> inFlight = new HashMap<>();
  private final Map<Address, Integer> lastPriority = new HashMap<>();

  NonceLane(Address relayer) {
    this.relayer = relayer;
    this.thread =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new PriorityBlockingQueue<>(),
            runnable -> {
              Thread t = new Thread(runnable, "crogas-lane-" + relayer.value().substring(0, 10));
              t.setDaemon(true);
              return t;
            });
  }

  Address relayer() {
    return relayer;
  }

  /** Jobs queued or in flight on this lane. */
  synchronized int load() {
    return inFlight.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized boolean serves(Address user) {
    return inFlight.containsKey(user);
  }

  /** Queues {@code work} for {@code user} at {@code priority}, behind the user's earlier work. */
  synchronized void enqueue(Address user, int priority, Runnable work) {
    int effective =
        inFlight.containsKey(user) ? Math.min(priority, lastPriority.get(user)) : priority;
    inFlight.merge(user, 1, Integer::sum);
    lastPriority.put(user, effective);
    thread.execute(new Task(effective, sequence.getAndIncrement(), work));
  }

  /** Counts a job of {@code user} that recovery found already out, so that order and load hold. */
  synchronized void adopt(Address user) {
    inFlight.merge(user, 1, Integer::sum);
    lastPriority.putIfAbsent(user, Integer.MAX_VALUE);
  }

  /** Runs {@code work} on the lane's thread ahead of queued jobs (recovery, gap fillers). */
  void urgent(Runnable work) {
    thread.execute(new Task(Integer.MAX_VALUE, sequence.getAndIncrement(), work));
  }

  /** One of {@code user}'s jobs on this lane reached a final state. */
  synchronized void finished(Address user) {
    inFlight.computeIfPresent(user, (u, n) -> n == 1 ? null : n - 1);
    if (!inFlight.containsKey(user)) {
      lastPriority.remove(user);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private record Task(int priority, long sequence, Runnable work)
      implements Runnable, Comparable<Task> {
    @Override
    public void run() {
      work.run();
    }

    @Override
    public int compareTo(Task other) {
      int byPriority = Integer.compare(other.priority, priority);
      return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
    }
  }
}
