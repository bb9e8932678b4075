package io.crogas.http;

import io.crogas.domain.ChainUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A {@link HealthProbe} that asks the chain at most once per {@code ttl}: each probe costs 1 + 2N
 * RPC calls (block, and each relayer's CRO and USDC), and {@code /health} and {@code /metrics} are
 * open to anyone. An unreachable chain is remembered for the same time. Concurrent callers wait for
 * the one probe in progress instead of starting their own.
 */
public final class CachedHealth implements HealthProbe {
  private final HealthProbe probe;
  private final Duration ttl;
  private final InstantSource clock;
  private Optional<Reading> last = Optional.empty();

  public CachedHealth(HealthProbe probe, Duration ttl, InstantSource clock) {
    if (probe == null || ttl == null || clock == null || ttl.isNegative()) {
      throw new IllegalArgumentException("a probe, a non-negative ttl and a clock are required");
    }
    this.probe = probe;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public synchronized HealthReport check() {
    Instant now = clock.instant();
    Reading reading =
        last.filter(cached -> now.isBefore(cached.at().plus(ttl))).orElseGet(() -> read(now));
    last = Optional.of(reading);
    if (reading.failure().isPresent()) {
      throw reading.failure().get();
    }
    return reading.report().orElseThrow();
  }

  private Reading read(Instant now) {
    try {
      return new Reading(now, Optional.of(probe.check()), Optional.empty());
    } catch (ChainUnavailableException e) {
      return new Reading(now, Optional.empty(), Optional.of(e));
    }
  }

  /** One probe's result: a report, or the chain's unavailability. */
  private record Reading(
      Instant at, Optional<HealthReport> report, Optional<ChainUnavailableException> failure) {}
}
