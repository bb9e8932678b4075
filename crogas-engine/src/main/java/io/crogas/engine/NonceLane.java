package io.crogas.engine;

import io.crogas.domain.model.Address;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;

/**
 * One relayer key's lane. It runs one task at a time, so the key's nonces go out in order with no
 * race between two senders. Higher tiers are served first, except that a user's later request never
 * overtakes an earlier one: the forwarder would refuse its nonce.
 */
final class NonceLane implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NonceLane.class.getName());

  private final Address relayer;
  private final ExecutorService executor;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final Map<Address, Integer> inFlight = new HashMap<>();
  private final Map<Address, Integer> lastPriority = new HashMap<>();
  private long sequence;
  private boolean draining;

  NonceLane(Address relayer, ExecutorService executor) {
    this.relayer = relayer;
    this.executor = executor;
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
    run(new Task(effective, sequence++, work));
  }

  /** Counts a job of {@code user} that recovery found already out, so that order and load hold. */
  synchronized void adopt(Address user) {
    inFlight.merge(user, 1, Integer::sum);
    lastPriority.putIfAbsent(user, Integer.MAX_VALUE);
  }

  /** Runs {@code work} on the lane ahead of queued jobs (recovery, reconciliation, retries). */
  synchronized void urgent(Runnable work) {
    run(new Task(Integer.MAX_VALUE, sequence++, work));
  }

  /** One of {@code user}'s jobs on this lane reached a final state. */
  synchronized void finished(Address user) {
    inFlight.computeIfPresent(user, (u, n) -> n == 1 ? null : n - 1);
    if (!inFlight.containsKey(user)) {
      lastPriority.remove(user);
    }
  }

  /**
   * Another instance took the key: every queued task is dropped and the lane's loads forgotten. The
   * journal and the ledger hold the work; the new holder finishes it.
   */
  synchronized void drop() {
    queue.clear();
    inFlight.clear();
    lastPriority.clear();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  // Called holding the lock. One drain at a time takes the queue's best task after each task, so a
  // task queued meanwhile with a higher priority goes next.
  private void run(Task task) {
    queue.add(task);
    if (!draining) {
      draining = true;
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        next.work.run();
      } catch (RuntimeException e) {
        // A bug must not stop the lane; the journal and the ledger keep the truth.
        LOG.log(System.Logger.Level.ERROR, "a task of lane " + relayer + " failed", e);
      }
    }
  }

  private record Task(int priority, long sequence, Runnable work) implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byPriority = Integer.compare(other.priority, priority);
      return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
    }
  }
}
