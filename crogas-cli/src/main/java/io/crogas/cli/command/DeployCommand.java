package io.crogas.cli.command;

import io.crogas.chain.ContractDeployer;
import io.crogas.chain.Deployment;
import io.crogas.chain.DeploymentPlan;
import io.crogas.chain.JsonRpc;
import io.crogas.chain.NetworkProfile;
import io.crogas.chain.TransactionSender;
import io.crogas.cli.CliContext;
import io.crogas.cli.CliFailure;
import io.crogas.cli.chain.ChainCheck;
import io.crogas.cli.chain.ForwarderDeployer;
import io.crogas.cli.chain.GasPricing;
import io.crogas.cli.chain.NetworkPreset;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.domain.model.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crogas deploy}: the forwarder, the demo target and (unless given) a test USDC. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy the CroGas contracts and print their addresses.",
      "Without --usdc a test USDC is deployed too (by default mirroring Cronos USDC.e's EIP-712"
          + " domain); the deployer becomes its minter."
    })
public final class DeployCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;

  @Option(
      names = "--network",
      paramLabel = "NAME",
      converter = NetworkPresetConverter.class,
      description =
          "cronos-mainnet, cronos-testnet or dev: fills --rpc, --chain-id and (on Cronos) --usdc"
              + " with the network's public RPC and bridged USDC.")
  NetworkPreset network;

  @Option(names = "--rpc", paramLabel = "URL", description = "JSON-RPC URL.")
  String rpcUrl;

  @Option(names = "--chain-id", paramLabel = "N", description = "Expected id.")
  Long chainId;

  @Option(
      names = "--gas-pricing",
      paramLabel = "MODEL",
      defaultValue = "cronos",
      converter = GasPricingConverter.class,
      description = "cronos (default), eip1559 or legacy.")
  GasPricing pricing;

  @ArgGroup(multiplicity = "1")
  DeployerKey key;

  @ArgGroup PasswordOptions password;

  @Option(names = "--owner", paramLabel = "ADDR", description = "Forwarder owner (deployer).")
  Address owner;

  @Option(
      names = "--fee-recipient",
      paramLabel = "ADDR",
      description = "Receives the fees (default: the deployer).")
  Address feeRecipient;

  @Option(
      names = "--relayer",
      paramLabel = "ADDR",
      description = "A relayer the forwarder accepts (repeat for several).")
  List<Address> relayers = new ArrayList<>();

  @ArgGroup TokenChoice token;

  @Option(
      names = "--receipt-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long to wait for each receipt (default 120).")
  long receiptTimeout;

  /** Who deploys. */
  static final class DeployerKey {
    @Option(
        names = "--key-env",
        paramLabel = "NAME",
        description = "Environment variable holding the deployer's private key (hex).")
    String environment;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Deployer keystore.")
    Path keystore;
  }

  /** Which USDC the forwarder takes fees in. */
  static final class TokenChoice {
    @Option(
        names = "--test-usdc",
        arity = "2",
        paramLabel = "NAME VERSION",
        description = "Deploy a test USDC with this EIP-712 name and version.")
    List<String> testUsdc;

    @Option(names = "--usdc", paramLabel = "ADDR", description = "Use this existing USDC.")
    Address usdc;
  }

  public DeployCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    resolveNetwork();
    String privateKey = privateKey();
    Output output = Output.of(spec, json.enabled);
    output.progress("checking " + rpcUrl + " is chain " + chainId + "...");
    ChainCheck.expect(rpcUrl, chainId, Duration.ofSeconds(10));
    NetworkProfile profile = pricing.profile(chainId);
    try (JsonRpc rpc = JsonRpc.connect(rpcUrl, Duration.ofSeconds(30))) {
      TransactionSender sender =
          new TransactionSender(rpc, profile, privateKey, Duration.ofSeconds(receiptTimeout));
      Address deployer = sender.address();
      output.progress("deploying from " + deployer + " (waiting for receipts)...");
      Deployment deployment = deploy(sender, deployer);
      output.result(document(deployment, deployer), text(deployment));
    }
    return 0;
  }

  /** A named network fills what was not given; what was given must agree with it. */
  private void resolveNetwork() {
    if (network == null) {
      if (rpcUrl == null || chainId == null) {
        throw new ParameterException(
            spec.commandLine(), "give --network, or both --rpc and --chain-id");
      }
      return;
    }
    if (chainId != null && chainId != network.chainId().value()) {
      throw new ParameterException(
          spec.commandLine(),
          network.label() + " is chain " + network.chainId().value() + ", not " + chainId);
    }
    chainId = network.chainId().value();
    rpcUrl = rpcUrl == null ? network.rpcUrl() : rpcUrl;
    if (token == null && network.usdc().isPresent()) {
      token = new TokenChoice();
      token.usdc = network.usdc().get();
    }
  }

  private Deployment deploy(TransactionSender sender, Address deployer) {
    Address recipient = feeRecipient == null ? deployer : feeRecipient;
    Address forwarderOwner = owner == null ? deployer : owner;
    if (token != null && token.usdc != null) {
      return new ForwarderDeployer(sender).deploy(token.usdc, recipient, forwarderOwner, relayers);
    }
    DeploymentPlan plan =
        token == null
            ? DeploymentPlan.mirroringCronosUsdc(recipient, forwarderOwner, relayers)
            : new DeploymentPlan(
                token.testUsdc.get(0),
                "USDC",
                token.testUsdc.get(1),
                recipient,
                forwarderOwner,
                relayers);
    return new ContractDeployer(sender).deploy(plan);
  }

  private String privateKey() {
    if (key.environment != null) {
      String value = context.environment().get(key.environment);
      if (value == null || value.isBlank()) {
        throw new CliFailure(
            "the environment variable " + key.environment + " is not set or empty");
      }
      if (!value.strip().matches("(0x)?[0-9a-fA-F]{64}")) {
        // The message never repeats the value.
        throw new CliFailure(
            "the environment variable " + key.environment + " is not a 64-hex-digit private key");
      }
      return value.strip();
    }
    if (password == null) {
      throw new ParameterException(
          spec.commandLine(), "--keystore needs --password-env or --password-file");
    }
    return UnlockedKey.open(key.keystore, password.source().read(context.environment()))
        .privateKeyHex();
  }

  private Map<String, Object> document(Deployment deployment, Address deployer) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("chainId", chainId);
    document.put("rpcUrl", rpcUrl);
    document.put("deployer", deployer.value());
    document.put("usdc", deployment.usdc().value());
    document.put("testUsdc", token == null || token.usdc == null);
    document.put("forwarder", deployment.forwarder().value());
    document.put("demoTarget", deployment.demoTarget().value());
    return document;
  }

  private static String text(Deployment deployment) {
    return "usdc        "
        + deployment.usdc()
        + "\nforwarder   "
        + deployment.forwarder()
        + "\ndemoTarget  "
        + deployment.demoTarget();
  }
}
