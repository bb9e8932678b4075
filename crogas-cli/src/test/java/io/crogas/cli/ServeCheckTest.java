package io.crogas.cli;

import static io.crogas.testkit.AnvilChain.DEV_ADDRESSES;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.chain.KeystoreFiles;
import io.crogas.chain.KeystorePassword;
import io.crogas.domain.model.Address;
import io.crogas.node.ServerLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crogas serve --check} against a real anvil with the real contracts. */
class ServeCheckTest {
  @TempDir static Path dir;
  private static LocalNetwork network;
  private static ExchangeStub exchanges;
  private static String registered;
  private static String stranger;
  private static Address strangerAddress;

  @BeforeAll
  static void start() {
    network = LocalNetwork.start();
    exchanges = new ExchangeStub();
    KeystorePassword password = KeystorePassword.of("pw");
    registered = keystore(DEV_KEYS.get(1), "a", password);
    KeystoreFiles.Written generated =
        KeystoreFiles.generate(dir.resolve("b"), password, KeystoreFiles.Strength.LIGHT);
    stranger = generated.file().toString();
    strangerAddress = generated.address();
  }

  @AfterAll
  static void stop() {
    exchanges.close();
    network.close();
  }

  private static String keystore(String key, String sub, KeystorePassword password) {
    return KeystoreFiles.encrypt(key, dir.resolve(sub), password, KeystoreFiles.Strength.LIGHT)
        .file()
        .toString();
  }

  private static Map<String, String> env(String keystores) {
    Map<String, String> env = new HashMap<>();
    env.put("CROGAS_NETWORK", "dev");
    env.put("CROGAS_RPC_URL", network.anvil.rpcUrl());
    env.put("CROGAS_FORWARDER", network.deployment.forwarder().value());
    env.put("CROGAS_USDC", network.deployment.usdc().value());
    env.put("CROGAS_KEYSTORES", keystores);
    env.put("CROGAS_KEYSTORE_PASSWORD_ENV", "PW");
    env.put("PW", "pw");
    env.put("CROGAS_PRICE_USD", "0.09");
    return env;
  }

  private record Run(int code, JsonNode json, String err) {}

  private static Run check(Map<String, String> env) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var line = CroGasCli.commandLine(new CliContext(env, ServerLauncher.DEFAULT));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute("serve", "--check", "--json");
    try {
      return new Run(code, new ObjectMapper().readTree(out.toString()), err.toString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + out + " / " + err, e);
    }
  }

  private static JsonNode line(Run run, String check) {
    for (JsonNode line : run.json().get("checks")) {
      if (line.get("check").asText().equals(check)) {
        return line;
      }
    }
    throw new AssertionError("no check " + check + " in " + run.json());
  }

  @Test
  void givenADeploymentAsConfigured_whenChecked_thenEveryLinePassesAndExitZero() {
    Run run = check(env(registered));

    assertThat(run.code()).as(run.json() + run.err()).isZero();
    assertThat(run.json().get("valid").asBoolean()).isTrue();
    assertThat(line(run, "forwarder").get("detail").asText())
        .contains("is this release's CroGasForwarder");
    assertThat(line(run, "usdc").get("detail").asText())
        .contains("\"Bridged USDC (Stargate)\" version \"1\", 6 decimals");
    assertThat(line(run, "relayer " + Address.parse(DEV_ADDRESSES.get(1))).get("ok").asBoolean())
        .isTrue();
    assertThat(line(run, "prices").get("detail").asText()).isEqualTo("fixed 0.09 USD per CRO");
  }

  @Test
  void givenAnUnlistedKeyAnEmptyKeyAndTheWrongForwarder_whenChecked_thenEachFailsAndExitOne() {
    Map<String, String> env = env(registered + "," + stranger);
    env.put("CROGAS_FORWARDER", network.deployment.demoTarget().value());
    Address empty = Address.parse(DEV_ADDRESSES.get(1));
    String balance =
        network
            .anvil
            .rpc("eth_getBalance", "[\"" + empty + "\",\"latest\"]")
            .replaceAll(".*\"result\":\"(0x[0-9a-fA-F]+)\".*", "$1");
    network.rpc("anvil_setBalance", "[\"" + empty + "\",\"0x1\"]");
    Run run;
    try {
      run = check(env);
    } finally {
      network.rpc("anvil_setBalance", "[\"" + empty + "\",\"" + balance + "\"]");
    }

    assertThat(run.code()).as(run.json() + run.err()).isEqualTo(1);
    assertThat(run.json().get("valid").asBoolean()).isFalse();
    assertThat(line(run, "forwarder").get("detail").asText())
        .contains("is not the CroGasForwarder this release ships");
    assertThat(line(run, "relayer " + empty).get("detail").asText())
        .contains("below the 1 CRO minimum");
  }

  @Test
  void givenAKeyTheForwarderDoesNotList_whenChecked_thenThatRelayerFails() {
    Run run = check(env(stranger));

    assertThat(run.code()).isEqualTo(1);
    assertThat(line(run, "relayer " + strangerAddress).get("detail").asText())
        .contains("NOT listed by the forwarder");
  }

  @Test
  void givenMarketSourcesOneStale_whenChecked_thenTheSourceAndThePriceLinesSaySo() {
    Map<String, String> env = env(registered);
    env.remove("CROGAS_PRICE_USD");
    env.put("CROGAS_PRICE_SOURCES", "cryptocom,coingecko");
    env.put("CROGAS_PRICE_CRYPTOCOM_URL", exchanges.cryptoComBase().toString());
    env.put("CROGAS_PRICE_COINGECKO_URL", exchanges.coinGeckoBase().toString());
    exchanges.cryptoCom("0.0915", Instant.now());
    exchanges.coinGecko("0.0914", Instant.now().minusSeconds(3_600));

    Run run = check(env);

    assertThat(run.code()).isEqualTo(1);
    assertThat(line(run, "price cryptocom").get("ok").asBoolean()).isTrue();
    assertThat(line(run, "price coingecko").get("ok").asBoolean()).isFalse();
    assertThat(line(run, "prices").get("detail").asText()).contains("quotes would be refused");
  }

  @Test
  void givenAnRpcThatIsDown_whenChecked_thenExitThree() {
    Map<String, String> env = env(registered);
    env.put("CROGAS_RPC_URL", "http://127.0.0.1:1");
    StringWriter err = new StringWriter();
    var line = CroGasCli.commandLine(new CliContext(env, ServerLauncher.DEFAULT));
    line.setErr(new PrintWriter(err, true));

    assertThat(line.execute("serve", "--check")).isEqualTo(3);
  }
}
