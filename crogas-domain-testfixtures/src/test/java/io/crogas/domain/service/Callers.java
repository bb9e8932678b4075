package io.crogas.domain.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** Callers on threads of their own, so a test can see them wait for a shared call. */
final class Callers<T> {
  private final List<Thread> threads = new ArrayList<>();
  private final List<FutureTask<T>> calls = new ArrayList<>();

  /** Starts a caller running {@code call}. */
  Callers<T> start(Callable<T> call) {
    FutureTask<T> task = new FutureTask<>(call);
    Thread thread = new Thread(task, "caller-" + calls.size());
    calls.add(task);
    threads.add(thread);
    thread.start();
    return this;
  }

  /** Returns once every caller started so far is parked (within 10 s, or fails). */
  void awaitAllParked() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "callers did not all wait: " + threads.stream().map(Thread::getState).toList());
      }
      Thread.onSpinWait();
    }
  }

  /** Every caller's answer, in the order they were started (within 10 s each). */
  List<T> answers() throws Exception {
    List<T> answers = new ArrayList<>();
    for (FutureTask<T> call : calls) {
      answers.add(call.get(10, TimeUnit.SECONDS));
    }
    return answers;
  }
}
