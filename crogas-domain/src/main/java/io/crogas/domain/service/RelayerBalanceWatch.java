package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.WebhookOutbox;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Announces {@code relayer.low_balance} when a relayer's CRO falls below the low mark: once per
 * fall (not at every check while it stays low), again after it was refilled and fell again. A
 * restarted node announces a relayer that is still low once more.
 */
public final class RelayerBalanceWatch {
  private final Chain chain;
  private final List<Address> relayers;
  private final Wei lowMark;
  private final WebhookOutbox outbox;
  private final InstantSource clock;
  private final Set<Address> low = new HashSet<>();

  public RelayerBalanceWatch(
      Chain chain, List<Address> relayers, Wei lowMark, WebhookOutbox outbox, InstantSource clock) {
    this.chain = chain;
    this.relayers = List.copyOf(relayers);
    this.lowMark = lowMark;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Reads every relayer's balance; answers how many low-balance events were written. */
  public synchronized int check() {
    int announced = 0;
    for (Address relayer : relayers) {
      Wei balance = chain.nativeBalance(relayer);
      if (balance.compareTo(lowMark) >= 0) {
        low.remove(relayer);
      } else if (low.add(relayer)) {
        Instant now = clock.instant();
        String data =
            "{\"relayer\":\""
                + relayer.value()
                + "\",\"balanceWei\":\""
                + balance
                + "\",\"lowBalanceWei\":\""
                + lowMark
                + "\"}";
        outbox.enqueue(
            WebhookEvent.RELAYER_LOW_BALANCE,
            relayer.value() + "@" + now.toEpochMilli(),
            data,
            now);
        announced++;
      }
    }
    return announced;
  }
}
