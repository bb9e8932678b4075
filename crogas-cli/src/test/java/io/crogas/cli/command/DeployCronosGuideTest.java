package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.testkit.AnvilChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/deploy-cronos.md, step by step, with the same commands against anvil (chain 338) under the
 * testnet preset; the differences are the ones the page names (the RPC, a local token with
 * devUSDC.e's domain, balances set by anvil).
 */
class DeployCronosGuideTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private AnvilChain anvil;

  @BeforeEach
  void start() {
    anvil = AnvilChain.start();
  }

  @AfterEach
  void stop() {
    anvil.close();
  }

  private JsonNode json(CliRun run) throws Exception {
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private String generate(String sub, Path password) throws Exception {
    return json(CliRun.of(
            "keys",
            "generate",
            "--out",
            dir.resolve(sub).toString(),
            "--password-file",
            password.toString(),
            "--json"))
        .get("address")
        .asText();
  }

  private String keystore(String sub) throws Exception {
    try (var files = Files.list(dir.resolve(sub))) {
      return files.map(Path::toString).sorted().reduce((a, b) -> a + "," + b).orElseThrow();
    }
  }

  private void fund(String address) {
    anvil.rpc("anvil_setBalance", "[\"" + address + "\",\"0x56BC75E2D63100000\"]"); // 100 CRO
  }

  @Test
  void givenTheGuide_whenEveryStepRunsOnAnvilUnderTheTestnetPreset_thenServeCheckPasses()
      throws Exception {
    // 1. keys
    Path password = Files.writeString(dir.resolve("pw.txt"), "a long passphrase\n");
    String deployer = generate("deployer", password);
    String relayer1 = generate("relayers", password);
    String relayer2 = generate("relayers", password);
    // 2. fund
    for (String account : new String[] {deployer, relayer1, relayer2}) {
      fund(account);
    }
    // 3. deploy
    JsonNode deployed =
        json(
            CliRun.of(
                "deploy",
                "--network",
                "cronos-testnet",
                "--rpc",
                anvil.rpcUrl(),
                "--test-usdc",
                "Bridged USDC (Stargate)",
                "1",
                "--keystore",
                keystore("deployer"),
                "--password-file",
                password.toString(),
                "--relayer",
                relayer1,
                "--relayer",
                relayer2,
                "--json"));
    // 4. configure
    Map<String, String> env = new HashMap<>();
    env.put("CROGAS_NETWORK", "cronos-testnet");
    env.put("CROGAS_FORWARDER", deployed.get("forwarder").asText());
    env.put("CROGAS_KEYSTORES", keystore("relayers"));
    env.put("CROGAS_KEYSTORE_PASSWORD_FILE", password.toString());
    env.put("CROGAS_PRICE_USD", "0.09");
    env.put("CROGAS_RPC_URL", anvil.rpcUrl());
    env.put("CROGAS_USDC", deployed.get("usdc").asText());
    // 5. check
    CliRun check = CliRun.of(env, "serve", "--check");

    assertThat(deployed.get("chainId").asLong()).isEqualTo(338);
    assertThat(check.code()).as(check.out() + check.err()).isZero();
    assertThat(check.out())
        .contains("forwarder")
        .contains("is this release's CroGasForwarder")
        .contains("relayer " + relayer1)
        .contains("relayer " + relayer2)
        .doesNotContain("FAIL");
  }
}
