package io.crogas.contracts;

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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three shipped artifacts deployed on a fresh anvil (chain id 338) with cast, the way an
 * operator would: TestUSDC as Cronos USDC.e, the forwarder with one relayer, the demo target. A
 * JUnit extension: register it as a static field and the stack lives for the test class.
 */
final class AnvilStack implements BeforeAllCallback, AfterAllCallback {
  static final String OWNER = AnvilChain.DEV_ADDRESSES.get(0);
  static final String FEE_RECIPIENT = AnvilChain.DEV_ADDRESSES.get(1);
  static final String RELAYER = AnvilChain.DEV_ADDRESSES.get(2);
  static final String USDC_NAME = "Bridged USDC (Stargate)";

  private static final Pattern CONTRACT_ADDRESS =
      Pattern.compile("\"contractAddress\":\"(0x[0-9a-fA-F]{40})\"");

  private AnvilChain chain;
  private String usdc;
  private String forwarder;
  private String demoTarget;

  @Override
  public void beforeAll(ExtensionContext context) {
    chain = AnvilChain.start();
    usdc =
        deploy(
            ContractArtifacts.TEST_USDC,
            "constructor(string,string,string,address)",
            USDC_NAME,
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

  @Override
  public void afterAll(ExtensionContext context) {
    chain.close();
  }

  String usdc() {
    return usdc;
  }

  String forwarder() {
    return forwarder;
  }

  String demoTarget() {
    return demoTarget;
  }

  /** {@code cast call}: the decoded return value(s) as cast prints them. */
  String call(String contract, String signature, String... args) {
    List<String> arguments = new ArrayList<>(List.of("call", contract, signature));
    arguments.addAll(List.of(args));
    return cast(arguments).strip();
  }

  private String deploy(String name, String constructor, String... args) {
    List<String> arguments =
        new ArrayList<>(List.of("send", "--json", "--private-key", AnvilChain.DEV_KEYS.get(0)));
    arguments.addAll(List.of("--create", ContractArtifacts.load(name).bytecode(), constructor));
    arguments.addAll(List.of(args));
    String receipt = cast(arguments);
    Matcher address = CONTRACT_ADDRESS.matcher(receipt);
    if (!receipt.contains("\"status\":\"0x1\"") || !address.find()) {
      throw new IllegalStateException("deploying " + name + " failed: " + receipt);
    }
    return address.group(1);
  }

  private String cast(List<String> arguments) {
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
