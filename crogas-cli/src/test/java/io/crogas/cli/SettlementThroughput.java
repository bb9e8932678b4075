package io.crogas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeConfig;
import io.crogas.node.NodeInternals;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: x402 settlements through a full node (verify, journal, engine,
 * confirmation) against anvil with 1-second blocks, the clients calling the settle use case as
 * before. Two loads:
 *
 * <ul>
 *   <li>{@code burst KEYS COUNT CLIENTS}: COUNT payments submitted at once by CLIENTS threads (each
 *       takes the next payment when its settle returns); the rate is settled / (last confirmation -
 *       first submission), compared with the chain's capacity for settlements (block gas limit /
 *       gas per settlement, per block time).
 *   <li>{@code steady KEYS CLIENTS SECONDS}: CLIENTS in flight for SECONDS, each settle timed from
 *       the call to its answer (p50, p90, max).
 *   <li>{@code sustained KEYS CLIENTS SECONDS}: as steady, with more in flight than a block holds:
 *       each block's fill (settlements / capacity per block) over the blocks wholly inside the
 *       window. {@code -Dbench.gasLimit=N} sizes the chain's blocks.
 * </ul>
 *
 * <p>Each run prints the CPU time the JVM (node and clients) and anvil spent in the measured
 * window, per settlement, the machine's CPU use, the JVM's peak RSS, and the blocks the settlements
 * landed in. With {@code -Dbench.countRpc=true} the node talks to anvil through a counting proxy
 * and the JSON-RPC calls per settlement are printed by method (the proxy costs CPU: count and time
 * in separate runs). Run with the command in docs/benchmarks.md.
 */
public final class SettlementThroughput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BLOCK_MILLIS = 1000;

  /** Settlements before the measured ones ({@code -Dbench.warmUp=N}). */
  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 400);

  /**
   * The block gas limit ({@code -Dbench.gasLimit=N}), set before the warm-up; anvil's 30,000,000 if
   * unset.
   */
  private static final Long GAS_LIMIT = Long.getLong("bench.gasLimit");

  /** The node's replacement period in seconds ({@code -Dbench.replaceAfter}), 30 if unset. */
  private static final Long REPLACE_AFTER = Long.getLong("bench.replaceAfter");

  /** Settlements per second the sustained load prepares payments for ({@code -Dbench.maxRate}). */
  private static final int MAX_RATE = Integer.getInteger("bench.maxRate", 160);

  private SettlementThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      burst(3, 400, 400);
      steady(3, 16, 20);
      return;
    }
    int[] numbers = Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray();
    switch (args[0]) {
      case "burst" -> burst(numbers[0], numbers[1], numbers[2]);
      case "steady" -> steady(numbers[0], numbers[1], numbers[2]);
      case "sustained" -> sustained(numbers[0], numbers[1], numbers[2]);
      default ->
          throw new IllegalArgumentException(
              "burst KEYS COUNT CLIENTS | steady KEYS CLIENTS SECONDS"
                  + " | sustained KEYS CLIENTS SECONDS");
    }
  }

  private static void burst(int keys, int count, int clients) throws Exception {
    try (Bench bench = Bench.start(keys, count)) {
      Meter meter = Meter.start(bench);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<SettleOutcome>> outcomes = new ArrayList<>();
      for (SettlePaymentCommand payment : bench.payments) {
        outcomes.add(pool.submit(() -> Payments.settleRetrying(bench.node.settler(), payment)));
      }
      List<Receipt> receipts = new ArrayList<>();
      for (Future<SettleOutcome> outcome : outcomes) {
        SettleOutcome result = outcome.get(300, TimeUnit.SECONDS);
        if (result instanceof SettleOutcome.Settled ok) {
          receipts.add(ok.receipt());
        } else {
          System.out.println("  not settled: " + result);
        }
      }
      Meter.Window window = meter.stop();
      pool.shutdown();
      System.out.printf(
          "burst: %d keys, %d payments, %d clients: %d settled in %.2f s = %.1f settlements/s%n",
          keys,
          count,
          clients,
          receipts.size(),
          window.seconds(),
          receipts.size() / window.seconds());
      bench.report(window, receipts, Optional.empty());
    }
  }

  private static void steady(int keys, int clients, int seconds) throws Exception {
    // Enough payments for every client to settle one per block for the whole run, and more.
    inFlight("steady", keys, clients, seconds, clients * (seconds + 10));
  }

  private static void sustained(int keys, int clients, int seconds) throws Exception {
    // More than this machine settles in the run (minting payers is the setup's slow part).
    inFlight("sustained", keys, clients, seconds, clients + MAX_RATE * (seconds + 3));
  }

  /**
   * CLIENTS in flight for SECONDS, each settling its next payment as soon as the last answered; the
   * blocks mined in the window, but for the first (clients starting) and the one the deadline cuts,
   * are the measured ones.
   */
  private static void inFlight(String load, int keys, int clients, int seconds, int count)
      throws Exception {
    try (Bench bench = Bench.start(keys, count)) {
      AtomicInteger next = new AtomicInteger();
      long[] latencies = new long[count];
      List<Receipt> receipts = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicInteger done = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      Meter meter = Meter.start(bench);
      long startBlock = bench.blockNumber();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> loops = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        loops.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= count) {
                      System.out.println("  out of payments: raise -Dbench.maxRate");
                      return null;
                    }
                    long start = System.nanoTime();
                    SettleOutcome result =
                        Payments.settleRetrying(bench.node.settler(), bench.payments.get(i));
                    if (!(result instanceof SettleOutcome.Settled ok)) {
                      failed.incrementAndGet();
                      System.out.println("  not settled: " + result);
                      continue;
                    }
                    receipts.add(ok.receipt());
                    latencies[done.getAndIncrement()] = System.nanoTime() - start;
                  }
                  return null;
                }));
      }
      // The last block mined before the deadline: a time to wait for, not an event.
      TimeUnit.NANOSECONDS.sleep(deadline - System.nanoTime());
      long endBlock = bench.blockNumber();
      for (Future<?> loop : loops) {
        loop.get(seconds + 120L, TimeUnit.SECONDS);
      }
      Meter.Window window = meter.stop();
      pool.shutdown();
      int settled = done.get();
      long[] sorted = Arrays.copyOf(latencies, settled);
      Arrays.sort(sorted);
      System.out.printf(
          "%s: %d keys, %d in flight, %d s: %d settled (%.1f/s), %d failed, settle latency p50 %d"
              + " ms, p90 %d ms, max %d ms%n",
          load,
          keys,
          clients,
          seconds,
          settled,
          settled / window.seconds(),
          failed.get(),
          percentile(sorted, 50),
          percentile(sorted, 90),
          sorted[settled - 1] / 1_000_000);
      bench.report(window, receipts, Optional.of(new long[] {startBlock + 2, endBlock}));
    }
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)]
        / 1_000_000;
  }

  /** A network with 1-second blocks, a node on it, and signed payments ready to settle. */
  private static final class Bench implements AutoCloseable {
    final LocalNetwork network;
    final CroGasNode node;
    final List<SettlePaymentCommand> payments = new ArrayList<>();
    final Optional<CountingRpcProxy> proxy;
    final int keys;

    private Bench(
        LocalNetwork network, CroGasNode node, Optional<CountingRpcProxy> proxy, int keys) {
      this.network = network;
      this.node = node;
      this.proxy = proxy;
      this.keys = keys;
    }

    static Bench start(int keys, int count) throws Exception {
      Path dir = Files.createTempDirectory("crogas-bench");
      LocalNetwork network = LocalNetwork.start(Math.max(3, keys));
      Optional<CountingRpcProxy> proxy =
          Boolean.getBoolean("bench.countRpc")
              ? Optional.of(new CountingRpcProxy(network.anvil.rpcUrl()))
              : Optional.empty();
      String url = proxy.map(CountingRpcProxy::url).orElse(network.anvil.rpcUrl());
      NodeConfig.Builder config = network.config(url, keys, dir.resolve("bench.db"));
      if (REPLACE_AFTER != null) {
        config.replaceAfter(Duration.ofSeconds(REPLACE_AFTER));
      }
      CroGasNode node = CroGasNode.start(config.build());
      Bench bench = new Bench(network, node, proxy, keys);
      Address payTo = LocalNetwork.User.of(9_999).address();
      bench.payments.addAll(bench.payments(20_000, count, payTo));
      List<SettlePaymentCommand> warmUp = bench.payments(60_000, WARM_UP, payTo);
      if (GAS_LIMIT != null) {
        network.rpc("evm_setBlockGasLimit", "[\"0x" + Long.toHexString(GAS_LIMIT) + "\"]");
      }
      network.rpc("evm_setAutomine", "[false]");
      network.rpc("evm_setIntervalMining", "[1]");
      // A node in service has its code compiled: settle a burst first, unmeasured.
      ExecutorService pool =
          Executors.newFixedThreadPool(Math.min(WARM_UP, 400), work -> new Thread(work, "warm-up"));
      for (Future<SettleOutcome> outcome :
          pool.invokeAll(
              warmUp.stream()
                  .map(
                      payment ->
                          (java.util.concurrent.Callable<SettleOutcome>)
                              () -> Payments.settleRetrying(node.settler(), payment))
                  .toList())) {
        outcome.get();
      }
      pool.shutdown();
      return bench;
    }

    // Five payments per payer, as a shop's returning customers; one USDC pays for a hundred.
    private List<SettlePaymentCommand> payments(int firstPayer, int count, Address payTo) {
      List<SettlePaymentCommand> made = new ArrayList<>();
      for (int p = firstPayer; made.size() < count; p++) {
        LocalNetwork.User payer = LocalNetwork.User.of(p);
        network.fund(payer.address(), 1);
        for (int n = 0; n < 5 && made.size() < count; n++) {
          made.add(Payments.payment(payer, payTo, node.usdc(), n));
        }
      }
      return made;
    }

    long blockNumber() {
      return Long.decode(result(network.anvil.rpc("eth_blockNumber", "[]")).asText());
    }

    /**
     * Blocks, gas and nonces behind the settlements measured in {@code window}; with {@code
     * measured} (first and last block), each of those blocks' fill against the capacity per block.
     */
    void report(Meter.Window window, List<Receipt> receipts, Optional<long[]> measured)
        throws IOException {
      int settled = receipts.size();
      List<RelayRecord> records = NodeInternals.journal(node).recent(Optional.empty(), 100_000);
      long confirmed = records.stream().filter(r -> r.state() == RelayState.CONFIRMED).count();
      // The mean: a payer's first payment and a new payee's first credit write fresh slots.
      long gas =
          receipts.stream().mapToLong(r -> r.gasUsed().longValueExact()).sum()
              / Math.max(1, settled);
      long firstBlock = receipts.stream().mapToLong(Receipt::blockNumber).min().orElse(0);
      long lastBlock = receipts.stream().mapToLong(Receipt::blockNumber).max().orElse(0);
      long gasLimit = Long.decode(block(firstBlock).get("gasLimit").asText());
      double perBlockCapacity = (double) gasLimit / gas;
      double capacity = perBlockCapacity / (BLOCK_MILLIS / 1000.0);
      StringBuilder perBlock = new StringBuilder();
      for (long b = firstBlock; b <= lastBlock; b++) {
        perBlock.append(' ').append(block(b).get("transactions").size());
      }
      measured.ifPresent(range -> printFill(range[0], range[1], gasLimit, perBlockCapacity));
      if (Boolean.getBoolean("bench.debugStuck")) {
        records.stream()
            .filter(r -> r.state() != RelayState.CONFIRMED)
            .limit(3)
            .forEach(
                r -> {
                  System.out.println("  stuck " + r);
                  r.txHashes()
                      .forEach(
                          h ->
                              System.out.println(
                                  "    "
                                      + network.anvil.rpc(
                                          "eth_getTransactionByHash", "[\"" + h + "\"]")));
                });
        System.out.println("  pool " + network.anvil.rpc("txpool_status", "[]"));
        for (Address relayer : node.relayers()) {
          String a = "\"" + relayer.value() + "\"";
          System.out.println(
              "  relayer "
                  + relayer.value()
                  + " latest "
                  + network.anvil.rpc("eth_getTransactionCount", "[" + a + ",\"latest\"]")
                  + " pending "
                  + network.anvil.rpc("eth_getTransactionCount", "[" + a + ",\"pending\"]")
                  + " ledger "
                  + NodeInternals.nonceLedger(node).pending(relayer));
        }
        System.out.println("  inspect " + network.anvil.rpc("txpool_inspect", "[]"));
        System.out.println("  latest " + block(blockNumber()));
      }
      // Replacements (a nonce re-bid or bumped) show as more than one hash per record.
      Map<Integer, Long> hashes = new TreeMap<>();
      records.forEach(r -> hashes.merge(r.txHashes().size(), 1L, Long::sum));
      System.out.printf(
          "  records by hashes sent: %s; base fee %s -> %s wei (blocks %d -> %d)%n",
          hashes,
          Long.decode(block(firstBlock).get("baseFeePerGas").asText()),
          Long.decode(block(lastBlock).get("baseFeePerGas").asText()),
          firstBlock,
          lastBlock);
      long gaps = 0;
      long sent = 0;
      for (Address relayer : node.relayers()) {
        gaps += NodeInternals.nonceLedger(node).pending(relayer).size();
        sent += ConcurrencyTest.transactionCount(network, relayer);
      }
      System.out.printf(
          "  capacity: %,d gas per block / %,d gas per settlement / %.0f s = %.0f settlements/s;"
              + " rate above = %.0f%% of it%n",
          gasLimit,
          gas,
          BLOCK_MILLIS / 1000.0,
          capacity,
          100 * settled / window.seconds() / capacity);
      System.out.printf(
          "  journal: %d confirmed of %d; relayer transactions mined %d; nonces left pending %d;"
              + " settlements per block (%d..%d):%s%n",
          confirmed, records.size(), sent, gaps, firstBlock, lastBlock, perBlock);
      System.out.printf(
          "  CPU in the window: JVM %.0f ms (%.2f ms/settlement), anvil %.0f ms (%.2f"
              + " ms/settlement), whole machine %.0f%% busy of %d cores; JVM peak RSS %d MB%n",
          window.jvmCpuMillis(),
          window.jvmCpuMillis() / settled,
          window.anvilCpuMillis(),
          window.anvilCpuMillis() / settled,
          window.machineBusyPercent(),
          Runtime.getRuntime().availableProcessors(),
          window.peakRssKb() / 1024);
      StringBuilder threads = new StringBuilder("  JVM CPU ms by thread:");
      window.threadCpuMillis().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(12)
          .forEach(e -> threads.append(' ').append(e.getKey()).append('=').append(e.getValue()));
      System.out.println(threads);
      proxy.ifPresent(p -> p.print(settled));
    }

    /**
     * Settlements per block over blocks {@code first..last}: their mean against the capacity per
     * block, the least full, and the gas used against the limit.
     */
    private void printFill(long first, long last, long gasLimit, double perBlockCapacity) {
      if (last < first) {
        System.out.println("  no block wholly inside the window: run longer");
        return;
      }
      long txs = 0;
      long gasUsed = 0;
      long least = Long.MAX_VALUE;
      StringBuilder fills = new StringBuilder();
      for (long b = first; b <= last; b++) {
        JsonNode mined = block(b);
        int n = mined.get("transactions").size();
        txs += n;
        least = Math.min(least, n);
        gasUsed += Long.decode(mined.get("gasUsed").asText());
        fills.append(String.format(" %.0f%%", 100 * n / perBlockCapacity));
      }
      long blocks = last - first + 1;
      System.out.printf(
          "  measured blocks %d..%d (%d, the window's first and cut last left out): %.1f"
              + " settlements per block = %.1f/s = %.0f%% of capacity (%.1f per block), least full"
              + " %d; gas used %.0f%% of the limit; fill per block:%s%n",
          first,
          last,
          blocks,
          (double) txs / blocks,
          txs / (blocks * BLOCK_MILLIS / 1000.0),
          100 * txs / (blocks * perBlockCapacity),
          perBlockCapacity,
          least,
          100.0 * gasUsed / (blocks * gasLimit),
          fills);
    }

    private JsonNode block(long number) {
      return result(
          network.anvil.rpc(
              "eth_getBlockByNumber", "[\"0x" + Long.toHexString(number) + "\",false]"));
    }

    private static JsonNode result(String answer) {
      try {
        return JSON.readTree(answer).get("result");
      } catch (IOException e) {
        throw new IllegalStateException(answer, e);
      }
    }

    @Override
    public void close() {
      node.close();
      proxy.ifPresent(CountingRpcProxy::close);
      network.close();
    }
  }

  /** CPU time of this JVM and of anvil (every child process), wall time and peak RSS. */
  private static final class Meter {
    private final long wallStart = System.nanoTime();
    private final long jvmStart = jvmCpuNanos();
    private final long anvilStart = childrenTicks();
    private final long[] machineStart = ProcessCpu.machine();
    private final Map<String, Long> threadsStart = threadTicks();
    private final AtomicLong peakRss = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private Meter() {
      sampler =
          new Thread(
              () -> {
                while (running) {
                  peakRss.accumulateAndGet(rssKb(), Math::max);
                  try {
                    Thread.sleep(50); // a sampling period, not a wait for something
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
    }

    static Meter start(Bench bench) {
      // Both loads start right after a block, so runs compare.
      long block = bench.blockNumber();
      while (bench.blockNumber() == block) {
        Thread.onSpinWait();
      }
      bench.proxy.ifPresent(CountingRpcProxy::reset);
      return new Meter();
    }

    Window stop() {
      running = false;
      sampler.interrupt();
      return new Window(
          (System.nanoTime() - wallStart) / 1e9,
          (jvmCpuNanos() - jvmStart) / 1e6,
          (childrenTicks() - anvilStart) * (double) ProcessCpu.TICK_MILLIS,
          ProcessCpu.busyPercent(machineStart, ProcessCpu.machine()),
          Math.max(peakRss.get(), rssKb()),
          threadsDelta());
    }

    // CPU ms by thread name (digits dropped) in the window: lanes, watch, clients, GC, JIT...
    private Map<String, Long> threadsDelta() {
      Map<String, Long> delta = new TreeMap<>();
      threadTicks()
          .forEach(
              (name, ticks) -> {
                long ms = (ticks - threadsStart.getOrDefault(name, 0L)) * ProcessCpu.TICK_MILLIS;
                if (ms > 0) {
                  delta.put(name, ms);
                }
              });
      return delta;
    }

    private static Map<String, Long> threadTicks() {
      Map<String, Long> ticks = new TreeMap<>();
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        tasks.forEach(
            task -> {
              try {
                String name =
                    Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
                ticks.merge(name, ProcessCpu.ticks(task.resolve("stat")), Long::sum);
              } catch (IOException e) {
                // the thread ended
              }
            });
      } catch (IOException e) {
        return ticks;
      }
      return ticks;
    }

    record Window(
        double seconds,
        double jvmCpuMillis,
        double anvilCpuMillis,
        double machineBusyPercent,
        long peakRssKb,
        Map<String, Long> threadCpuMillis) {}

    private static long jvmCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    // utime + stime of every descendant (anvil), in clock ticks of 10 ms.
    private static long childrenTicks() {
      return ProcessHandle.current().descendants().mapToLong(p -> ProcessCpu.ticks(p.pid())).sum();
    }

    private static long rssKb() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException e) {
        return 0;
      }
      return 0;
    }
  }
}
