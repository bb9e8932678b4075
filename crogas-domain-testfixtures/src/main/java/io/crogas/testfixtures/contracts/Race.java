package io.crogas.testfixtures.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs one action on several threads released at the same instant, so that a store that reads and
 * then writes without holding a lock loses an update or lets two callers win.
 */
public final class Race {
  private Race() {}

  /** The results of {@code action(0..threads-1)}, in thread order. */
  public static <T> List<T> run(int threads, IntFunction<T> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<T> task =
            () -> {
              start.await();
              return action.apply(n);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
