package io.crogas.domain.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Calls shared by whoever asks the same thing: the first caller of a key makes the call on its own
 * thread, and callers that come while it runs wait for its answer (or its failure) instead of
 * making their own. A failed call is forgotten, so the next caller tries again.
 *
 * <p>{@link #whileRunning()} forgets an answer once it is given (the chain's head: asked again by
 * the next caller); {@link #keeping(int)} keeps answers for as long as the instance is used (the
 * reads of one block), at most {@code capacity} keys, beyond which calls run unshared, so that a
 * flood of distinct questions cannot grow it without bound.
 */
final class SharedCalls<K, V> {
  private final ConcurrentHashMap<K, CompletableFuture<V>> calls = new ConcurrentHashMap<>();
  private final boolean keep;
  private final int capacity;

  private SharedCalls(boolean keep, int capacity) {
    this.keep = keep;
    this.capacity = capacity;
  }

  /** Shares a call among the callers that come while it runs. */
  static <K, V> SharedCalls<K, V> whileRunning() {
    return new SharedCalls<>(false, Integer.MAX_VALUE);
  }

  /** Shares a call and keeps its answer, for at most {@code capacity} keys. */
  static <K, V> SharedCalls<K, V> keeping(int capacity) {
    return new SharedCalls<>(true, capacity);
  }

  /** The answer for {@code key}: the running or kept call's, or {@code call}'s, made here. */
  V get(K key, Supplier<V> call) {
    CompletableFuture<V> known = calls.get(key);
    if (known != null) {
      return await(known);
    }
    if (calls.size() >= capacity) {
      return call.get();
    }
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = calls.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    V answer;
    try {
      answer = call.get();
    } catch (RuntimeException | Error failure) {
      calls.remove(key, mine);
      mine.completeExceptionally(failure);
      throw failure;
    }
    if (!keep) {
      calls.remove(key, mine);
    }
    mine.complete(answer);
    return answer;
  }

  /** How many answers are kept or calls running. */
  int size() {
    return calls.size();
  }

  /** The call's answer, or the failure it ended with, as the caller that made it saw it. */
  private static <V> V await(CompletableFuture<V> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
