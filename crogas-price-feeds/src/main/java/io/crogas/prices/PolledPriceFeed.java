package io.crogas.prices;

import io.crogas.domain.CroGasException;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.port.out.PriceFeed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a source's last reading so that quotes never wait on an exchange: {@link #refresh} asks the
 * source (on the scheduler it is started on), {@link #latest} answers the last reading with its own
 * observation time, which the consensus judges for staleness. A failed refresh keeps the old
 * reading, which then ages out, and is counted for the metrics.
 */
public final class PolledPriceFeed implements PriceFeed {
  private static final System.Logger LOG = System.getLogger(PolledPriceFeed.class.getName());

  private final String name;
  private final PriceFeed source;
  private final AtomicReference<CroUsdPrice> last = new AtomicReference<>();
  private final AtomicLong failures = new AtomicLong();

  /** What the metrics show of one source. */
  public record Status(String name, Optional<CroUsdPrice> last, long failures) {}

  public PolledPriceFeed(String name, PriceFeed source) {
    this.name = name;
    this.source = source;
  }

  /** Refreshes now, then every {@code period} on {@code scheduler} until it is shut down. */
  public void start(ScheduledExecutorService scheduler, Duration period) {
    refresh();
    scheduler.scheduleWithFixedDelay(
        this::refresh, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the source once; a failure is counted and logged, never thrown. */
  public void refresh() {
    try {
      Optional<CroUsdPrice> reading = source.latest();
      if (reading.isPresent()) {
        last.set(reading.get());
      } else {
        failed("answered no price");
      }
    } catch (CroGasException e) {
      failed(e.getMessage());
    } catch (RuntimeException e) {
      failed(e.getClass().getSimpleName());
    }
  }

  private void failed(String why) {
    failures.incrementAndGet();
    LOG.log(System.Logger.Level.WARNING, "price source {0}: {1}", name, why);
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    return Optional.ofNullable(last.get());
  }

  public Status status() {
    return new Status(name, latest(), failures.get());
  }
}
