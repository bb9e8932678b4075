package io.crogas.cli.dev;

import io.crogas.chain.ContractDeployer;
import io.crogas.chain.Deployment;
import io.crogas.chain.DeploymentPlan;
import io.crogas.chain.JsonRpc;
import io.crogas.chain.NetworkProfile;
import io.crogas.chain.TransactionSender;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TokenDomain;
import io.crogas.eip712.Secp256k1;
import io.crogas.node.CroGasNode;
import io.crogas.node.FixedPriceFeed;
import io.crogas.node.NodeConfig;
import io.crogas.node.RelayerKeys;
import io.crogas.node.ServerLauncher;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything {@code crogas dev} runs: a local anvil, the contracts (test USDC mirroring Cronos
 * USDC.e), demo USDC for the demo account, a {@link CroGasNode} on dev accounts 1-3, and the API.
 * {@link #close} stops them in reverse order, the chain last.
 */
public final class DevStack implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private Summary summary;

  /** What to start. */
  public record Options(
      int apiPort, int chainPort, Path dataDir, BigDecimal demoUsdc, BigDecimal croUsd) {}

  /** What is running. */
  public record Summary(
      String apiUrl,
      String rpcUrl,
      long chainId,
      Deployment contracts,
      TokenDomain usdc,
      List<Address> relayers,
      Address demoAccount,
      String demoAccountKey,
      TokenAmount demoUsdc,
      Path dataDir) {}

  private DevStack() {}

  public static DevStack start(
      Options options,
      ProjectToolchain toolchain,
      ServerLauncher servers,
      Consumer<String> progress) {
    DevStack stack = new DevStack();
    try {
      stack.run(options, toolchain, servers, progress);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  public Summary summary() {
    return summary;
  }

  private void run(
      Options options,
      ProjectToolchain toolchain,
      ServerLauncher servers,
      Consumer<String> progress) {
    Path anvil = toolchain.bin("anvil");
    progress.accept("starting anvil on 127.0.0.1:" + options.chainPort() + " (chain id 338)...");
    LocalChain chain =
        keep(
            LocalChain.start(
                anvil,
                options.chainPort(),
                options.dataDir().resolve("anvil.log"),
                Duration.ofSeconds(60)));
    NetworkProfile profile = NetworkProfile.cronos(new ChainId(LocalChain.CHAIN_ID));
    JsonRpc rpc = keep(JsonRpc.connect(chain.rpcUrl(), Duration.ofSeconds(10)));
    ContractDeployer deployer =
        new ContractDeployer(
            new TransactionSender(rpc, profile, DevAccounts.DEPLOYER_KEY, Duration.ofSeconds(30)));
    List<Address> relayers = DevAccounts.RELAYER_KEYS.stream().map(DevStack::address).toList();
    progress.accept("deploying the contracts...");
    Deployment contracts =
        deployer.deploy(
            DeploymentPlan.mirroringCronosUsdc(
                DevAccounts.FEE_RECIPIENT, address(DevAccounts.DEPLOYER_KEY), relayers));
    TokenAmount demoUsdc = TokenAmount.parseDecimal(options.demoUsdc().toPlainString(), 6);
    deployer.mint(contracts.usdc(), DevAccounts.DEMO_USER, demoUsdc.atomic());
    progress.accept("starting the relayer...");
    CroGasNode node =
        keep(
            CroGasNode.start(
                NodeConfig.builder(chain.rpcUrl(), profile, contracts.forwarder(), contracts.usdc())
                    .relayerKeys(new RelayerKeys.PrivateKeys(DevAccounts.RELAYER_KEYS))
                    .storeFile(options.dataDir().resolve("crogas.db"))
                    .prices(new FixedPriceFeed(options.croUsd(), InstantSource.system()))
                    .build()));
    ServerLauncher.RunningServer server =
        keep(
            servers.start(
                node,
                new ServerLauncher.ApiEndpoint(
                    "127.0.0.1",
                    options.apiPort(),
                    Optional.of((to, atomic) -> deployer.mint(contracts.usdc(), to, atomic)))));
    summary =
        new Summary(
            server.url(),
            chain.rpcUrl(),
            LocalChain.CHAIN_ID,
            contracts,
            node.usdc(),
            node.relayers(),
            DevAccounts.DEMO_USER,
            DevAccounts.DEMO_USER_KEY,
            demoUsdc,
            options.dataDir());
  }

  private <T extends AutoCloseable> T keep(T resource) {
    started.push(resource);
    return resource;
  }

  private static Address address(String privateKey) {
    return Address.of(Secp256k1.address(new BigInteger(privateKey.substring(2), 16)));
  }

  /** Stops the API, the node, the RPC client and the chain, in that order (idempotent). */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep stopping the rest: the chain above all must not be left running
      }
    }
  }
}
