package io.crogas.http;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relayer balances over time from health readings: at most one sample per {@code spacing}, the
 * latest {@code capacity} kept (an hour of minutes by default), in memory: a restart starts over.
 */
public final class BalanceHistory {
  private final int capacity;
  private final Duration spacing;
  private final InstantSource clock;
  private final Deque<Activity.BalanceSample> samples = new ArrayDeque<>();

  public BalanceHistory(int capacity, Duration spacing, InstantSource clock) {
    if (capacity < 1 || spacing.isNegative()) {
      throw new IllegalArgumentException("a history keeps at least one sample");
    }
    this.capacity = capacity;
    this.spacing = spacing;
    this.clock = clock;
  }

  /** Keeps the relayers' balances of {@code report} unless the last sample is too recent. */
  public synchronized void record(HealthReport report) {
    var now = clock.instant();
    if (!samples.isEmpty() && samples.peekLast().at().plus(spacing).isAfter(now)) {
      return;
    }
    Map<io.crogas.domain.model.Address, io.crogas.domain.model.Wei> cro = new LinkedHashMap<>();
    report.relayers().forEach(relayer -> cro.put(relayer.address(), relayer.cro()));
    samples.addLast(new Activity.BalanceSample(now, cro));
    while (samples.size() > capacity) {
      samples.removeFirst();
    }
  }

  public synchronized List<Activity.BalanceSample> samples() {
    return List.copyOf(samples);
  }
}
