package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.FakeChain;
import io.crogas.testfixtures.InMemoryWebhookOutbox;
import io.crogas.testfixtures.MutableClock;
import io.crogas.testfixtures.contracts.WebhookOutboxContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayerBalanceWatchTest {
  private static final Address RELAYER =
      Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  private final FakeChain chain = new FakeChain();
  private final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final RelayerBalanceWatch watch =
      new RelayerBalanceWatch(chain, List.of(RELAYER), Wei.of(1_000), outbox, clock);

  @Test
  void givenARelayerThatFallsBelowTheMark_whenChecked_thenAnnouncedOncePerFall() {
    outbox.add(WebhookOutboxContract.webhook("wh-1", WebhookEvent.RELAYER_LOW_BALANCE));
    chain.nativeBalances.put(RELAYER, Wei.of(5_000));

    int whileFunded = watch.check();
    chain.nativeBalances.put(RELAYER, Wei.of(999));
    clock.advance(Duration.ofSeconds(60));
    int fell = watch.check();
    clock.advance(Duration.ofSeconds(60));
    int stillLow = watch.check();
    chain.nativeBalances.put(RELAYER, Wei.of(2_000));
    watch.check();
    chain.nativeBalances.put(RELAYER, Wei.of(10));
    clock.advance(Duration.ofSeconds(60));
    int fellAgain = watch.check();

    assertThat(List.of(whileFunded, fell, stillLow, fellAgain)).containsExactly(0, 1, 0, 1);
    WebhookDelivery first = outbox.recent(2).get(1);
    assertThat(first.event()).isEqualTo(WebhookEvent.RELAYER_LOW_BALANCE);
    assertThat(first.data())
        .isEqualTo(
            "{\"relayer\":\""
                + RELAYER.value()
                + "\",\"balanceWei\":\"999\",\"lowBalanceWei\":\"1000\"}");
  }
}
