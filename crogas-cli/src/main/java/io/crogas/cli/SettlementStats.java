package io.crogas.cli;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.out.SettlementObserver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Running totals of finished requests since the node started, for the metrics: how many were
 * confirmed and failed, the CRO the relayers spent on gas and the USDC they collected.
 */
public final class SettlementStats implements SettlementObserver {
  private static final BigDecimal WEI_PER_CRO = BigDecimal.TEN.pow(18);

  private final AtomicLong confirmed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<BigInteger> gasWei = new AtomicReference<>(BigInteger.ZERO);
  private final AtomicReference<BigDecimal> usdc = new AtomicReference<>(BigDecimal.ZERO);

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
    if (record.state() == RelayState.CONFIRMED) {
      BigDecimal charge = new BigDecimal(record.charge().atomic(), record.charge().decimals());
      usdc.accumulateAndGet(charge, BigDecimal::add);
    }
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
