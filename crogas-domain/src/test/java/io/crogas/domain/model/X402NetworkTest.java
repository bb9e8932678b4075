package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class X402NetworkTest {
  @Test
  void givenCronosMainnet_whenNamed_thenCaip2TheV1NameAndTheSellersGuideSpellingAllCount() {
    X402Network mainnet = new X402Network(ChainId.CRONOS_MAINNET);

    assertThat(mainnet.names("eip155:25")).isTrue();
    assertThat(mainnet.names("cronos-mainnet")).isTrue();
    assertThat(mainnet.names("cronos")).isTrue();
    assertThat(mainnet.names("cronos-testnet")).isFalse();
  }

  @Test
  void givenCronosTestnet_whenNamed_thenOnlyItsOwnNames() {
    X402Network testnet = new X402Network(ChainId.CRONOS_TESTNET);

    assertThat(testnet.names("eip155:338")).isTrue();
    assertThat(testnet.names("cronos-testnet")).isTrue();
    assertThat(testnet.names("cronos")).isFalse();
    assertThat(new X402Network(new ChainId(31337)).v1Name()).isEmpty();
  }
}
