package io.crogas.http;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Wei;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard charts for operators: the last hour minute by minute (requests confirmed and
 * failed, USDC collected), and each relayer's CRO over time.
 */
public record Activity(List<Minute> minutes, List<BalanceSample> balances) {
  public Activity {
    minutes = List.copyOf(minutes);
    balances = List.copyOf(balances);
  }

  /** One minute from {@code start}: final states reached in it, and the USDC they moved. */
  public record Minute(Instant start, long confirmed, long failed, BigDecimal usdc) {}

  /** Every relayer's CRO balance at one moment. */
  public record BalanceSample(Instant at, Map<Address, Wei> cro) {
    public BalanceSample {
      cro = Map.copyOf(cro);
    }
  }

  /** Where the activity comes from (the node's counters and its balance history). */
  @FunctionalInterface
  public interface Source {
    Activity read();
  }
}
