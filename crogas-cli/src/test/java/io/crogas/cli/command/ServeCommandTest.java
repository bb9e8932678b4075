package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.cli.serve.ServeSettingsTest;
import io.crogas.domain.StoreUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  @Test
  void givenAValidConfigurationButNoChain_whenChecked_thenExitThree() {
    Map<String, String> env = new java.util.HashMap<>(ServeSettingsTest.minimal());
    env.put("CROGAS_RPC_URL", "http://127.0.0.1:1");

    CliRun run = CliRun.of(env, "serve", "--check", "--json");

    assertThat(run.code()).isEqualTo(3);
  }

  @Test
  void givenNoConfiguration_whenServing_thenUsageExitNamingTheVariables() {
    CliRun run = CliRun.of(Map.of(), "serve");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("CROGAS_RPC_URL", "CROGAS_CHAIN_ID", "CROGAS_KEYSTORES");
  }

  @Test
  void givenAnUnreachableRpc_whenServing_thenExitThree() {
    Map<String, String> env = new java.util.HashMap<>(ServeSettingsTest.minimal());
    env.put("CROGAS_RPC_URL", "http://127.0.0.1:1");

    CliRun run = CliRun.of(env, "serve");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("127.0.0.1:1");
  }

  @Test
  void givenALogFormatThatIsNone_whenServing_thenUsageExitNamingTheFormats() {
    CliRun run = CliRun.of(ServeSettingsTest.minimal(), "serve", "--check", "--log-format", "xml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--log-format", "JSON", "TEXT");
  }

  @Test
  void givenAStoreFailure_whenACommandEndsWithIt_thenExitThreeLikeAnyUnavailablePart() {
    assertThat(io.crogas.cli.ExitCodes.of(new StoreUnavailableException("locked")))
        .isEqualTo(io.crogas.cli.ExitCodes.UNAVAILABLE);
  }
}
