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
import io.crogas.node.StoreLocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything {@code crogas dev} runs: a local anvil, the contracts (test USDC mirroring Cronos
 * USDC.e), demo USDC for the demo account, with {@code --store redis} a local redis-server, then
 * one or more {@link CroGasNode}s sharing dev accounts 1-3 and the store, each with its API on the
 * next port. {@link #close} (also a shutdown hook, for Ctrl-C or SIGTERM at any point) stops them
 * in reverse order: the instances, then Redis, then the chain.
 */
public final class DevStack implements AutoCloseable {
  /** Instances at most: each holds at least one of the dev relayer keys. */
  public static final int MAX_INSTANCES = DevAccounts.RELAYER_KEYS.size();

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Thread hook = new Thread(this::close, "crogas-dev-stop");
  private Summary summary;

  /** Where the instances keep their journal. */
  public enum Store {
    /** crogas.db in the data directory (several instances in this process may share it). */
    SQLITE,
    /** A local redis-server, its append-only file in the data directory's redis/. */
    REDIS
  }

  /** What to start. */
  public record Options(
      int apiPort,
      int chainPort,
      Path dataDir,
      BigDecimal demoUsdc,
      BigDecimal croUsd,
      int instances,
      Store store) {
    public Options {
      if (instances < 1 || instances > MAX_INSTANCES) {
        throw new IllegalArgumentException(
            "instances must be 1 to " + MAX_INSTANCES + " (one dev relayer key at least each)");
      }
    }
  }

  /** One running instance: its id in the store, API URL and the relayer keys it holds. */
  public record Instance(String id, String apiUrl, List<Address> heldKeys) {}

  /** What is running; {@code apiUrl} is the first instance's. */
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
      Path dataDir,
      List<Instance> instances,
      Store kind,
      String store) {}

  private DevStack() {}

  public static DevStack start(
      Options options,
      ProjectToolchain toolchain,
      ServerLauncher servers,
      Consumer<String> progress) {
    DevStack stack = new DevStack();
    Runtime.getRuntime().addShutdownHook(stack.hook);
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
    StoreLocation store = store(options, toolchain, progress);
    int count = options.instances();
    List<Instance> instances = new ArrayList<>();
    TokenDomain usdc = null;
    for (int i = 0; i < count; i++) {
      String id = count == 1 ? null : "crogas-" + (i + 1);
      progress.accept(count == 1 ? "starting the relayer..." : "starting instance " + id + "...");
      NodeConfig.Builder config =
          NodeConfig.builder(chain.rpcUrl(), profile, contracts.forwarder(), contracts.usdc())
              .relayerKeys(new RelayerKeys.PrivateKeys(share(i, count)))
              .store(store)
              .prices(new FixedPriceFeed(options.croUsd(), InstantSource.system()));
      if (id != null) {
        config.instanceId(id);
      }
      CroGasNode node = keep(CroGasNode.start(config.build()));
      ServerLauncher.RunningServer server =
          keep(
              servers.start(
                  node,
                  new ServerLauncher.ApiEndpoint(
                      "127.0.0.1",
                      options.apiPort() + i,
                      Optional.of((to, atomic) -> deployer.mint(contracts.usdc(), to, atomic)))));
      instances.add(new Instance(node.config().instanceId(), server.url(), node.heldKeys()));
      usdc = node.usdc();
    }
    summary =
        new Summary(
            instances.get(0).apiUrl(),
            chain.rpcUrl(),
            LocalChain.CHAIN_ID,
            contracts,
            usdc,
            relayers,
            DevAccounts.DEMO_USER,
            DevAccounts.DEMO_USER_KEY,
            demoUsdc,
            options.dataDir(),
            List.copyOf(instances),
            options.store(),
            store.describe());
  }

  private StoreLocation store(
      Options options, ProjectToolchain toolchain, Consumer<String> progress) {
    if (options.store() == Store.SQLITE) {
      return new StoreLocation.SqliteFile(options.dataDir().resolve("crogas.db"));
    }
    Path redisServer = toolchain.systemTool("redis-server", "tools/install-redis.sh");
    progress.accept("starting redis-server on 127.0.0.1 (append-only file in redis/)...");
    LocalRedis redis =
        keep(
            LocalRedis.start(
                redisServer, options.dataDir().resolve("redis"), Duration.ofSeconds(30)));
    return new StoreLocation.Redis(redis.uri(), StoreLocation.Redis.DEFAULT_PREFIX);
  }

  /**
   * Instance {@code i}'s relayer keys: every {@code count}-th dev key from the {@code i}-th, so
   * each holds its own lease (an instance takes every free key it lists: listing all keys in each
   * would leave them all with the first one started).
   */
  private static List<String> share(int i, int count) {
    List<String> keys = new ArrayList<>();
    for (int k = i; k < DevAccounts.RELAYER_KEYS.size(); k += count) {
      keys.add(DevAccounts.RELAYER_KEYS.get(k));
    }
    return keys;
  }

  private <T extends AutoCloseable> T keep(T resource) {
    started.push(resource);
    return resource;
  }

  private static Address address(String privateKey) {
    return Address.of(Secp256k1.address(new BigInteger(privateKey.substring(2), 16)));
  }

  /**
   * Stops each instance (API, then node), Redis, the RPC client and the chain, in that order
   * (idempotent; a second caller waits for the first).
   */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep stopping the rest: the chain above all must not be left running
      }
    }
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is stopping: the hook finds nothing left to stop
      }
    }
  }
}
