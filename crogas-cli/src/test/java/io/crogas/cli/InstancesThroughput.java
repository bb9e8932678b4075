package io.crogas.cli;

import static io.crogas.testkit.AnvilChain.DEV_KEYS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.domain.model.Address;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: the same settlement burst against one instance and against several on one
 * store and one anvil (1-second blocks), each instance a JVM of its own ({@link
 * ThroughputInstance}, with its share of the relayer keys and of the clients), as instances behind
 * a load balancer run. Per configuration: settlements/s from the go to the last answer (each answer
 * waits for the settlement's receipt), failures, nonce gaps (per relayer key, pending minus mined
 * transactions, and mined transactions against settlements), CPU per instance JVM, anvil and
 * redis-server, and the machine's busy share.
 *
 * <p>{@code InstancesThroughput} alone runs SQLite × 1, Redis × 1 and Redis × 2 with 2 keys, 400
 * payments and 400 clients; {@code InstancesThroughput STORE INSTANCES KEYS COUNT CLIENTS} runs one
 * configuration (STORE sqlite or redis). {@code -Dbench.warmUp=N} settlements per instance before
 * the measured ones (400); {@code -Dbench.childJava="..."} the instances' JVM options ({@code
 * ./crogas}'s default, {@code -Xmx128m -XX:+UseSerialGC}). Run with the command in
 * docs/benchmarks.md.
 */
public final class InstancesThroughput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 400);
  private static final String CHILD_JAVA =
      System.getProperty("bench.childJava", "-Xmx128m -XX:+UseSerialGC");

  private InstancesThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      run(SharedStore.SQLITE, 1, 2, 400, 400);
      run(SharedStore.REDIS, 1, 2, 400, 400);
      run(SharedStore.REDIS, 2, 2, 400, 400);
      return;
    }
    run(
        SharedStore.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)),
        Integer.parseInt(args[1]),
        Integer.parseInt(args[2]),
        Integer.parseInt(args[3]),
        Integer.parseInt(args[4]));
  }

  private static void run(SharedStore kind, int instances, int keys, int count, int clients)
      throws Exception {
    if (keys < instances || keys > 3) {
      throw new IllegalArgumentException("keys: at least one per instance, at most 3");
    }
    Path dir = Files.createTempDirectory("crogas-instances-bench");
    try (SharedStore.Opened store = kind.open(dir);
        LocalNetwork network = LocalNetwork.start()) {
      Address payTo = LocalNetwork.User.of(9_999).address();
      int share = count / instances;
      for (int i = 0; i < instances; i++) {
        fund(network, firstPayer(i), share);
        fund(network, firstPayer(i) + ThroughputInstance.WARM_UP_PAYERS_FROM, WARM_UP);
      }
      network.rpc("evm_setAutomine", "[false]");
      network.rpc("evm_setIntervalMining", "[1]");
      List<Child> children = new ArrayList<>();
      try {
        for (int i = 0; i < instances; i++) {
          children.add(
              Child.start(
                  network,
                  store.setting(),
                  i,
                  instances,
                  keys,
                  payTo,
                  share,
                  Math.max(1, clients / instances),
                  dir));
        }
        for (Child child : children) {
          System.out.printf("  instance %d ready, holding %s%n", child.index + 1, child.ready());
        }
        measure(network, kind, instances, keys, count, clients, children);
      } finally {
        children.forEach(Child::close);
      }
    }
  }

  private static void measure(
      LocalNetwork network,
      SharedStore kind,
      int instances,
      int keys,
      int count,
      int clients,
      List<Child> children)
      throws Exception {
    long block = blockNumber(network);
    while (blockNumber(network) == block) {
      Thread.onSpinWait(); // start right after a block, so runs compare
    }
    long firstBlock = block + 1;
    long[] childStart = children.stream().mapToLong(c -> ProcessCpu.ticks(c.pid())).toArray();
    long anvilStart = others("/anvil");
    long redisStart = others("/redis-");
    long[] machineStart = ProcessCpu.machine();
    long wallStart = System.nanoTime();
    children.forEach(Child::go);
    int settled = 0;
    int failed = 0;
    for (Child child : children) {
      int[] done = child.done();
      settled += done[0];
      failed += done[1];
    }
    double seconds = (System.nanoTime() - wallStart) / 1e9;
    double busy = ProcessCpu.busyPercent(machineStart, ProcessCpu.machine());
    long anvilMs = (others("/anvil") - anvilStart) * ProcessCpu.TICK_MILLIS;
    long redisMs = (others("/redis-") - redisStart) * ProcessCpu.TICK_MILLIS;
    StringBuilder perInstance = new StringBuilder();
    for (int i = 0; i < children.size(); i++) {
      long ms = (ProcessCpu.ticks(children.get(i).pid()) - childStart[i]) * ProcessCpu.TICK_MILLIS;
      perInstance.append(
          String.format(
              " #%d %d ms (%.1f ms/settlement of all)", i + 1, ms, (double) ms / settled));
    }
    System.out.printf(
        "%s x %d, %d keys, %d payments, %d clients: %d settled, %d failed in %.2f s = %.1f"
            + " settlements/s%n",
        kind, instances, keys, count, clients, settled, failed, seconds, settled / seconds);
    long mined = 0;
    long gaps = 0;
    for (int k = 1; k <= keys; k++) {
      Address relayer = Address.parse(io.crogas.testkit.AnvilChain.DEV_ADDRESSES.get(k));
      long latest = ConcurrencyTest.transactionCount(network, relayer);
      mined += latest;
      gaps += pendingCount(network, relayer) - latest;
    }
    long expected = (long) WARM_UP * instances + settled;
    System.out.printf(
        "  nonces: relayer transactions mined %d (warm-up + settled = %d), sent but not mined %d;"
            + " settlements per block from %d:%s%n",
        mined, expected, gaps, firstBlock, perBlock(network, firstBlock));
    System.out.printf(
        "  CPU in the window: instances%s; anvil %d ms; redis-server %d ms; machine %.0f%% busy"
            + " of %d cores%n",
        perInstance, anvilMs, redisMs, busy, Runtime.getRuntime().availableProcessors());
  }

  private static int firstPayer(int instance) {
    return 100_000 + instance * 10_000;
  }

  /** Funds the payers of {@code payments} payments from {@code firstPayer}, five each. */
  private static void fund(LocalNetwork network, int firstPayer, int payments) {
    int payers =
        (payments + ThroughputInstance.PAYMENTS_PER_PAYER - 1)
            / ThroughputInstance.PAYMENTS_PER_PAYER;
    for (int p = 0; p < payers; p++) {
      network.fund(LocalNetwork.User.of(firstPayer + p).address(), 1);
    }
  }

  /**
   * CPU ticks of this JVM's descendants whose executable's path contains {@code name} (Debian's
   * redis-server is a link to redis-check-rdb, which is what /proc shows).
   */
  private static long others(String name) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().orElse("").contains(name))
        .mapToLong(p -> ProcessCpu.ticks(p.pid()))
        .sum();
  }

  private static long blockNumber(LocalNetwork network) throws IOException {
    return Long.decode(result(network.anvil.rpc("eth_blockNumber", "[]")).asText());
  }

  private static long pendingCount(LocalNetwork network, Address account) throws IOException {
    return Long.decode(
        result(network.anvil.rpc("eth_getTransactionCount", "[\"" + account + "\",\"pending\"]"))
            .asText());
  }

  private static String perBlock(LocalNetwork network, long from) throws IOException {
    StringBuilder counts = new StringBuilder();
    long last = blockNumber(network);
    for (long b = from; b <= last; b++) {
      JsonNode mined =
          result(
              network.anvil.rpc(
                  "eth_getBlockByNumber", "[\"0x" + Long.toHexString(b) + "\",false]"));
      counts.append(' ').append(mined.get("transactions").size());
    }
    return counts.toString();
  }

  private static JsonNode result(String answer) throws IOException {
    return JSON.readTree(answer).get("result");
  }

  /** One instance JVM; its log in the run's directory. */
  private record Child(int index, Process process, BufferedReader out, PrintStream in) {
    static Child start(
        LocalNetwork network,
        String store,
        int index,
        int instances,
        int keys,
        Address payTo,
        int count,
        int clients,
        Path dir)
        throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(CHILD_JAVA.trim().split("\\s+")));
      command.addAll(
          List.of(
              "-Dcrogas.instance=bench-" + (index + 1),
              "-cp",
              System.getProperty("java.class.path"),
              ThroughputInstance.class.getName(),
              network.anvil.rpcUrl(),
              network.deployment.forwarder().value(),
              network.deployment.usdc().value(),
              store,
              payTo.value(),
              Integer.toString(firstPayer(index)),
              Integer.toString(count),
              Integer.toString(clients),
              Integer.toString(WARM_UP)));
      // Every instances-th key from the index-th: each instance leases a share of its own.
      for (int k = index; k < keys; k += instances) {
        command.add(DEV_KEYS.get(1 + k));
      }
      Process process =
          new ProcessBuilder(command)
              .redirectError(dir.resolve("instance-" + (index + 1) + ".log").toFile())
              .start();
      return new Child(
          index,
          process,
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
          new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8));
    }

    long pid() {
      return process.pid();
    }

    /** Waits (bounded) for {@code bench ready KEYS}; the keys. */
    String ready() throws Exception {
      return line("bench ready ").substring("bench ready ".length());
    }

    void go() {
      in.println("go");
    }

    /** Waits (bounded) for {@code bench done SETTLED FAILED}. */
    int[] done() throws Exception {
      String[] words = line("bench done ").split(" ");
      return new int[] {Integer.parseInt(words[2]), Integer.parseInt(words[3])};
    }

    private String line(String prefix) throws Exception {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(prefix)) {
                      return line;
                    }
                    System.out.println("  instance " + (index + 1) + ": " + line);
                  }
                  throw new IllegalStateException("instance " + (index + 1) + " ended");
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .get(300, TimeUnit.SECONDS);
    }

    void close() {
      in.close();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
