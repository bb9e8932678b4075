package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.ChainId;
import org.junit.jupiter.api.Test;

class NetworkProfileTest {
  @Test
  void givenCronos_whenProfiled_thenItHasABaseFeeButNoTip() {
    NetworkProfile cronos = NetworkProfile.cronos(ChainId.CRONOS_MAINNET);

    assertThat(cronos.eip1559()).isTrue();
    assertThat(cronos.priorityTips()).isFalse();
  }

  @Test
  void givenALegacyChain_whenAskingForTips_thenTheProfileIsRefused() {
    assertThatThrownBy(() -> new NetworkProfile(ChainId.CRONOS_TESTNET, false, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EIP-1559");
  }
}
