package io.crogas.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.cli.chain.NetworkPreset;
import io.crogas.domain.model.Address;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkSettingsTest {
  private static ServeSettings read(Map<String, String> env) {
    return ServeSettings.read(SettingsSource.of(env, Optional.empty()));
  }

  private static Map<String, String> named(String network) {
    Map<String, String> env = ServeSettingsTest.minimal();
    env.remove("CROGAS_RPC_URL");
    env.remove("CROGAS_CHAIN_ID");
    env.remove("CROGAS_USDC");
    env.put("CROGAS_NETWORK", network);
    return env;
  }

  @Test
  void givenTheTestnetPreset_whenRead_thenItsRpcChainUsdcAndExplorerFillTheGaps() {
    ServeSettings settings = read(named("cronos-testnet"));

    assertThat(settings.network()).contains(NetworkPreset.CRONOS_TESTNET);
    assertThat(settings.rpcUrl()).isEqualTo("https://evm-t3.cronos.org");
    assertThat(settings.chainId()).isEqualTo(338);
    assertThat(settings.usdc())
        .isEqualTo(Address.parse("0xc01efAaF7C5C61bEbFAeb358E1161b537b8bC0e0"));
    assertThat(settings.explorerTxUrl()).contains("https://explorer.cronos.org/testnet/tx/");
  }

  @Test
  void givenTheMainnetPresetWithAnRpcOfItsOwn_whenRead_thenTheRpcWinsAndUsdcEIsUsed() {
    Map<String, String> env = named("Cronos-Mainnet");
    env.put("CROGAS_RPC_URL", "https://rpc.example/key-123");
    env.remove("CROGAS_PRICE_USD");
    env.put("CROGAS_PRICE_SOURCES", "cryptocom,coingecko");

    ServeSettings settings = read(env);

    assertThat(settings.rpcUrl()).isEqualTo("https://rpc.example/key-123");
    assertThat(settings.chainId()).isEqualTo(25);
    assertThat(settings.usdc())
        .isEqualTo(Address.parse("0xf951eC28187D9E5Ca673Da8FE6757E6f0Be5F77C"));
    assertThat(settings.explorerTxUrl()).contains("https://explorer.cronos.org/tx/");
  }

  @Test
  void givenTheDevPreset_whenRead_thenUsdcIsStillRequiredAndNoExplorerIsLinked() {
    assertThatThrownBy(() -> read(named("dev")))
        .hasMessageContaining("CROGAS_USDC (crogas.usdc) is required");

    Map<String, String> env = named("dev");
    env.put("CROGAS_USDC", ServeSettingsTest.USDC);
    ServeSettings settings = read(env);

    assertThat(settings.rpcUrl()).isEqualTo("http://127.0.0.1:8545");
    assertThat(settings.explorerTxUrl()).isEmpty();
  }

  @Test
  void givenAChainIdContradictingThePreset_whenRead_thenRefused() {
    Map<String, String> env = named("cronos-testnet");
    env.put("CROGAS_CHAIN_ID", "25");

    assertThatThrownBy(() -> read(env))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("CROGAS_CHAIN_ID (crogas.chain.id): cronos-testnet is chain 338");
  }

  @Test
  void givenAnExplorerSetting_whenRead_thenItOrNoneWins() {
    Map<String, String> custom = ServeSettingsTest.minimal();
    custom.put("CROGAS_EXPLORER_TX_URL", "https://scan.example/tx");
    Map<String, String> none = named("cronos-testnet");
    none.put("CROGAS_EXPLORER_TX_URL", "none");
    Map<String, String> otherChain = ServeSettingsTest.minimal();
    otherChain.put("CROGAS_CHAIN_ID", "31337");

    assertThat(read(custom).explorerTxUrl()).contains("https://scan.example/tx/");
    assertThat(read(none).explorerTxUrl()).isEmpty();
    assertThat(read(otherChain).explorerTxUrl()).isEmpty();
    assertThat(read(ServeSettingsTest.minimal()).explorerTxUrl())
        .contains("https://explorer.cronos.org/testnet/tx/");
  }

  @Test
  void givenAnUnknownNetwork_whenRead_thenTheNamesAreListed() {
    assertThatThrownBy(() -> read(named("ethereum")))
        .hasMessageContaining("CROGAS_NETWORK (crogas.network): expected cronos-mainnet");
  }
}
