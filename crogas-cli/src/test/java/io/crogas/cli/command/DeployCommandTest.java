package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.testkit.AnvilChain;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeployCommandTest {
  private static AnvilChain anvil;
  private static final Map<String, String> ENV = Map.of("DEPLOYER", AnvilChain.DEV_KEYS.get(0));

  @BeforeAll
  static void start() {
    anvil = AnvilChain.start();
  }

  @AfterAll
  static void stop() {
    anvil.close();
  }

  private CliRun deploy(String... extra) {
    String[] base = {
      "deploy", "--rpc", anvil.rpcUrl(), "--chain-id", "338", "--key-env", "DEPLOYER", "--json"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(ENV, args);
  }

  private boolean hasCode(String address) {
    return !anvil
        .rpc("eth_getCode", "[\"" + address + "\",\"latest\"]")
        .contains("\"result\":\"0x\"");
  }

  private String deployerNonce() {
    return anvil.rpc(
        "eth_getTransactionCount", "[\"" + AnvilChain.DEV_ADDRESSES.get(0) + "\",\"latest\"]");
  }

  @Test
  void givenADeployerKey_whenDeploying_thenTheAddressesHoldContractsAndATestUsdcIsDeployed()
      throws Exception {
    CliRun run =
        deploy(
            "--relayer",
            AnvilChain.DEV_ADDRESSES.get(1),
            "--fee-recipient",
            AnvilChain.DEV_ADDRESSES.get(4));

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertThat(result.get("chainId").asLong()).isEqualTo(338);
    assertThat(result.get("testUsdc").asBoolean()).isTrue();
    assertThat(result.get("deployer").asText()).isEqualTo(AnvilChain.DEV_ADDRESSES.get(0));
    for (String contract : new String[] {"usdc", "forwarder", "demoTarget"}) {
      assertThat(hasCode(result.get(contract).asText())).as(contract).isTrue();
    }
    assertThat(run.err()).contains("deploying from");
  }

  @Test
  void givenAnExistingUsdc_whenDeploying_thenOnlyTheForwarderAndTargetAreNew() throws Exception {
    JsonNode first = new ObjectMapper().readTree(deploy("--test-usdc", "USD Coin", "2").out());

    CliRun run = deploy("--usdc", first.get("usdc").asText());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode second = new ObjectMapper().readTree(run.out());
    assertThat(second.get("usdc").asText()).isEqualTo(first.get("usdc").asText());
    assertThat(second.get("testUsdc").asBoolean()).isFalse();
    assertThat(second.get("forwarder").asText()).isNotEqualTo(first.get("forwarder").asText());
    assertThat(hasCode(second.get("forwarder").asText())).isTrue();
  }

  @Test
  void givenTheTestnetPreset_whenDeployingOnAnvil_thenItsChainIdIsUsedAndGivenOptionsWin()
      throws Exception {
    CliRun run =
        CliRun.of(
            ENV,
            "deploy",
            "--network",
            "cronos-testnet",
            "--rpc",
            anvil.rpcUrl(),
            "--test-usdc",
            "Bridged USDC (Stargate)",
            "1",
            "--key-env",
            "DEPLOYER",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertThat(result.get("chainId").asLong()).isEqualTo(338);
    assertThat(result.get("rpcUrl").asText()).isEqualTo(anvil.rpcUrl());
    assertThat(hasCode(result.get("forwarder").asText())).isTrue();
  }

  @Test
  void givenAPresetThatIsNotTheChain_whenDeploying_thenNothingIsSent() {
    String nonce = deployerNonce();

    CliRun mainnetOnAnvil =
        CliRun.of(
            ENV,
            "deploy",
            "--network",
            "cronos-mainnet",
            "--rpc",
            anvil.rpcUrl(),
            "--key-env",
            "DEPLOYER");
    CliRun contradiction =
        CliRun.of(
            ENV, "deploy", "--network", "cronos-testnet", "--chain-id", "25", "--key-env", "X");
    CliRun unknown = CliRun.of(ENV, "deploy", "--network", "ethereum", "--key-env", "DEPLOYER");
    CliRun nothing = CliRun.of(ENV, "deploy", "--key-env", "DEPLOYER");

    assertThat(mainnetOnAnvil.code()).isEqualTo(1);
    assertThat(mainnetOnAnvil.err()).contains("is chain 338, not 25");
    assertThat(contradiction.code()).isEqualTo(2);
    assertThat(contradiction.err()).contains("cronos-testnet is chain 338, not 25");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("expected cronos-mainnet, cronos-testnet or dev");
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("give --network, or both --rpc and --chain-id");
    assertThat(deployerNonce()).isEqualTo(nonce);
  }

  @Test
  void givenBadInput_whenDeploying_thenNothingIsSentAndTheExitCodeSaysWhy() {
    String nonce = deployerNonce();

    CliRun wrongChain =
        CliRun.of(
            ENV, "deploy", "--rpc", anvil.rpcUrl(), "--chain-id", "25", "--key-env", "DEPLOYER");
    CliRun down =
        CliRun.of(
            ENV,
            "deploy",
            "--rpc",
            "http://127.0.0.1:1",
            "--chain-id",
            "338",
            "--key-env",
            "DEPLOYER");
    CliRun noKey = CliRun.of(ENV, "deploy", "--rpc", anvil.rpcUrl(), "--chain-id", "338");
    CliRun keystoreWithoutPassword =
        CliRun.of(
            ENV, "deploy", "--rpc", anvil.rpcUrl(), "--chain-id", "338", "--keystore", "k.json");
    CliRun badRelayer = deploy("--relayer", "0xnot-an-address");
    CliRun unsetKey =
        CliRun.of(
            Map.of(),
            "deploy",
            "--rpc",
            anvil.rpcUrl(),
            "--chain-id",
            "338",
            "--key-env",
            "DEPLOYER");

    assertThat(wrongChain.code()).isEqualTo(1);
    assertThat(wrongChain.err()).contains("is chain 338, not 25");
    assertThat(down.code()).isEqualTo(3);
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(keystoreWithoutPassword.code()).isEqualTo(2);
    assertThat(keystoreWithoutPassword.err()).contains("--password-env");
    assertThat(badRelayer.code()).isEqualTo(2);
    assertThat(badRelayer.err()).contains("--relayer");
    assertThat(unsetKey.code()).isEqualTo(1);
    assertThat(unsetKey.err()).contains("DEPLOYER");
    assertThat(deployerNonce()).isEqualTo(nonce);
  }
}
