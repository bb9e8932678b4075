package io.crogas.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled CroGas contracts carried in this jar as classpath resources under {@code
 * io/crogas/contracts/}: {@code <Name>.abi.json}, {@code <Name>.bin} and {@code
 * <Name>.deployed.bin} (and {@code <Name>.json} with all three, for non-Java tools).
 */
public final class ContractArtifacts {
  /** The forwarder: {@code execute}, {@code executeSponsored}, nonces, fees. */
  public static final String FORWARDER = "CroGasForwarder";

  /** The 6-decimal test token with EIP-3009 and EIP-2612, for local chains and faucets. */
  public static final String TEST_USDC = "TestUSDC";

  /** The ERC-2771 demo target that records {@code _msgSender()}. */
  public static final String DEMO_TARGET = "DemoTarget";

  /**
   * A test-only adversary: a target that burns gas or reverts only where the relayer pays (when
   * {@code tx.origin != msg.sender}, or after anyone flips its flag). Never deploy it for real use.
   */
  public static final String HOSTILE_TARGET = "HostileTarget";

  /**
   * A Chainlink-style CRO/USD aggregator whose rounds its owner sets, for local chains and tests.
   */
  public static final String TEST_PRICE_FEED = "TestPriceFeed";

  private static final Pattern PAIR = Pattern.compile("\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

  private ContractArtifacts() {}

  /**
   * Loads one contract's artifact.
   *
   * @throws IllegalArgumentException if this jar carries no contract of that name
   */
  public static ContractArtifact load(String name) {
    return new ContractArtifact(
        name,
        resource(name, ".abi.json"),
        resource(name, ".bin").strip(),
        resource(name, ".deployed.bin").strip(),
        immutables(resource(name, ".immutables.json")));
  }

  /** {@code [[start, length], ...]} as compile.mjs writes it. */
  private static List<ContractArtifact.ByteRange> immutables(String json) {
    List<ContractArtifact.ByteRange> ranges = new ArrayList<>();
    Matcher pair = PAIR.matcher(json);
    while (pair.find()) {
      ranges.add(
          new ContractArtifact.ByteRange(
              Integer.parseInt(pair.group(1)), Integer.parseInt(pair.group(2))));
    }
    return ranges;
  }

  private static String resource(String name, String suffix) {
    String path = name + suffix;
    try (InputStream in = ContractArtifacts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no compiled contract "
                + name
                + " (missing resource io/crogas/contracts/"
                + path
                + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read io/crogas/contracts/" + path, e);
    }
  }
}
