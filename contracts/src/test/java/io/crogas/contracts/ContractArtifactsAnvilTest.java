package io.crogas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.testkit.AnvilChain;
import io.crogas.testkit.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped bytecode deploys and answers on a real node (anvil, chain id 338), via cast. */
class ContractArtifactsAnvilTest {
  private static final Pattern CONTRACT_ADDRESS =
      Pattern.compile("\"contractAddress\":\"(0x[0-9a-fA-F]{40})\"");
  private static final String OWNER = AnvilChain.DEV_ADDRESSES.get(0);
  private static final String FEE_RECIPIENT = AnvilChain.DEV_ADDRESSES.get(1);
  private static final String RELAYER = AnvilChain.DEV_ADDRESSES.get(2);

  private static AnvilChain chain;
  private static String usdc;
  private static String forwarder;
  private static String demoTarget;

  @BeforeAll
  static void deployTheStack() {
    chain = AnvilChain.start();
    usdc =
        deploy(
            ContractArtifacts.TEST_USDC,
            "constructor(string,string,string,address)",
            "Bridged USDC (Stargate)",
            "USDC.e",
            "1",
            OWNER);
    forwarder =
        deploy(
            ContractArtifacts.FORWARDER,
            "constructor(address,address,address,address[])",
            usdc,
            FEE_RECIPIENT,
            OWNER,
            "[" + RELAYER + "]");
    demoTarget = deploy(ContractArtifacts.DEMO_TARGET, "constructor(address)", forwarder);
  }

  @AfterAll
  static void stopChain() {
    chain.close();
  }

  @Test
  void givenTheDeployedForwarder_thenItsConfigurationAndDomainAreReadable() {
    assertThat(call(forwarder, "usdc()(address)")).isEqualToIgnoringCase(usdc);
    assertThat(call(forwarder, "feeRecipient()(address)")).isEqualToIgnoringCase(FEE_RECIPIENT);
    assertThat(call(forwarder, "isRelayer(address)(bool)", RELAYER)).isEqualTo("true");
    assertThat(call(forwarder, "nonces(address)(uint256)", OWNER)).isEqualTo("0");
    assertThat(
            call(
                forwarder,
                "eip712Domain()(bytes1,string,string,uint256,address,bytes32,uint256[])"))
        .contains("\"CroGas\"", "\"1\"", "338");
  }

  @Test
  void givenTheDeployedToken_thenItMirrorsCronosUsdcE() {
    assertThat(call(usdc, "name()(string)")).isEqualTo("\"Bridged USDC (Stargate)\"");
    assertThat(call(usdc, "version()(string)")).isEqualTo("\"1\"");
    assertThat(call(usdc, "decimals()(uint8)")).isEqualTo("6");
  }

  @Test
  void givenTheDeployedDemoTarget_thenItTrustsTheForwarder() {
    assertThat(call(demoTarget, "trustedForwarder()(address)")).isEqualToIgnoringCase(forwarder);
  }

  private static String deploy(String name, String constructor, String... args) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of("send", "--json", "--private-key", AnvilChain.DEV_KEYS.get(0)));
    command.addAll(List.of("--create", ContractArtifacts.load(name).bytecode(), constructor));
    command.addAll(List.of(args));
    String receipt = cast(command);
    Matcher address = CONTRACT_ADDRESS.matcher(receipt);
    assertThat(receipt).contains("\"status\":\"0x1\"");
    assertThat(address.find()).as("contract address in %s", receipt).isTrue();
    return address.group(1);
  }

  private static String call(String contract, String signature, String... args) {
    List<String> command = new ArrayList<>(List.of("call", contract, signature));
    command.addAll(List.of(args));
    return cast(command).strip();
  }

  private static String cast(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Toolchain.bin("cast").toString());
    command.add(arguments.get(0));
    command.addAll(List.of("--rpc-url", chain.rpcUrl()));
    command.addAll(arguments.subList(1, arguments.size()));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("cast " + arguments.get(0) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
