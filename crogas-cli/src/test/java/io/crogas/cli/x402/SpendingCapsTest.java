package io.crogas.cli.x402;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.TokenAmount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpendingCapsTest {
  private static TokenAmount usdc(String text) {
    return TokenAmount.parseDecimal(text, 6);
  }

  @Test
  void givenAPriceAtThePerCallCap_whenReserving_thenGrantedAndCounted() {
    SpendingCaps caps = new SpendingCaps(usdc("0.10"), Optional.empty());

    assertThat(caps.reserve(usdc("0.10"))).isInstanceOf(SpendingCaps.Granted.class);
    assertThat(caps.spent()).isEqualTo(usdc("0.10"));
  }

  @Test
  void givenAPriceOneAtomAboveThePerCallCap_whenReserving_thenRefusedAndNothingCounted() {
    SpendingCaps caps = new SpendingCaps(usdc("0.10"), Optional.empty());

    SpendingCaps.Grant grant = caps.reserve(usdc("0.100001"));

    assertThat(grant).isInstanceOf(SpendingCaps.Refused.class);
    assertThat(((SpendingCaps.Refused) grant).reason()).contains("above the cap of 0.100000");
    assertThat(caps.spent()).isEqualTo(usdc("0"));
  }

  @Test
  void givenATotalCap_whenPaymentsAddUpPastIt_thenTheOneThatWouldCrossItIsRefused() {
    SpendingCaps caps = new SpendingCaps(usdc("0.10"), Optional.of(usdc("0.25")));

    assertThat(caps.reserve(usdc("0.10"))).isInstanceOf(SpendingCaps.Granted.class);
    assertThat(caps.reserve(usdc("0.10"))).isInstanceOf(SpendingCaps.Granted.class);
    SpendingCaps.Grant third = caps.reserve(usdc("0.10"));
    assertThat(caps.reserve(usdc("0.05"))).isInstanceOf(SpendingCaps.Granted.class);

    assertThat(third).isInstanceOf(SpendingCaps.Refused.class);
    assertThat(((SpendingCaps.Refused) third).reason()).contains("above its cap of 0.250000");
    assertThat(caps.spent()).isEqualTo(usdc("0.25"));
    assertThat(caps.reserve(usdc("0.000001"))).isInstanceOf(SpendingCaps.Refused.class);
  }

  @Test
  void givenManyThreads_whenReservingAtOnce_thenTheTotalIsNeverExceeded() throws Exception {
    SpendingCaps caps = new SpendingCaps(usdc("0.01"), Optional.of(usdc("0.50")));
    Thread[] threads = new Thread[8];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                for (int j = 0; j < 20; j++) {
                  caps.reserve(usdc("0.01"));
                }
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(caps.spent()).isEqualTo(usdc("0.50"));
  }
}
