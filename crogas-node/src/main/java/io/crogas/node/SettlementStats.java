package io.crogas.node;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.out.SettlementObserver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Running totals of finished requests since the node started, for the metrics: how many were
 * confirmed and failed, the CRO the relayers spent on gas and the USDC they collected; and the same
 * per minute over the last hour, for the dashboard's charts.
 */
public final class SettlementStats implements SettlementObserver {
  private static final int MINUTES_KEPT = 60;

  private static final BigDecimal WEI_PER_CRO = BigDecimal.TEN.pow(18);

  private final AtomicLong confirmed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<BigInteger> gasWei = new AtomicReference<>(BigInteger.ZERO);
  private final AtomicReference<BigDecimal> usdc = new AtomicReference<>(BigDecimal.ZERO);
  private final InstantSource clock;
  private final ConcurrentSkipListMap<Long, Minute> minutes = new ConcurrentSkipListMap<>();

  /** One minute's final states and the USDC they moved. */
  public record Minute(Instant start, long confirmed, long failed, BigDecimal usdc) {
    Minute plus(Minute other) {
      return new Minute(
          start, confirmed + other.confirmed, failed + other.failed, usdc.add(other.usdc));
    }
  }

  public SettlementStats(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public void finished(RelayRecord record) {
    (record.state() == RelayState.CONFIRMED ? confirmed : failed).incrementAndGet();
    if (record.state() == RelayState.CONFIRMED
        && record.history().stream().anyMatch(event -> event.state() == RelayState.FAILED)) {
      failed.decrementAndGet(); // a late receipt corrected a failure counted before
    }
    record
        .receipt()
        .ifPresent(receipt -> gasWei.accumulateAndGet(receipt.gasCost().value(), BigInteger::add));
    BigDecimal charge = BigDecimal.ZERO;
    if (record.state() == RelayState.CONFIRMED) {
      charge = new BigDecimal(record.charge().atomic(), record.charge().decimals());
      usdc.accumulateAndGet(charge, BigDecimal::add);
    }
    long minute = clock.instant().getEpochSecond() / 60;
    boolean confirmedNow = record.state() == RelayState.CONFIRMED;
    minutes.merge(
        minute,
        new Minute(
            Instant.ofEpochSecond(minute * 60), confirmedNow ? 1 : 0, confirmedNow ? 0 : 1, charge),
        Minute::plus);
    minutes.headMap(minute - MINUTES_KEPT).clear();
  }

  /** The last hour, one entry per minute, oldest first (minutes with nothing included). */
  public List<Minute> lastHour() {
    long now = clock.instant().getEpochSecond() / 60;
    List<Minute> hour = new ArrayList<>(MINUTES_KEPT);
    for (long minute = now - MINUTES_KEPT + 1; minute <= now; minute++) {
      hour.add(
          minutes.getOrDefault(
              minute, new Minute(Instant.ofEpochSecond(minute * 60), 0, 0, BigDecimal.ZERO)));
    }
    return hour;
  }

  public long confirmed() {
    return confirmed.get();
  }

  public long failed() {
    return failed.get();
  }

  /** CRO spent on gas by the relayers (mined transactions, also reverted ones). */
  public double gasSpentCro() {
    return new BigDecimal(gasWei.get()).divide(WEI_PER_CRO).doubleValue();
  }

  /** USDC moved by confirmed requests: fees for gasless executions, payments for x402. */
  public double usdcSettled() {
    return usdc.get().doubleValue();
  }
}
