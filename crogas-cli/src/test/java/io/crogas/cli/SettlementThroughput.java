package io.crogas.cli;

import io.crogas.domain.model.Address;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: x402 settlements per second through a full node (verify, journal, engine,
 * confirmation) against anvil, with automine and with 1-second blocks, over 1 and 3 relayer keys.
 * Run with the command in docs/benchmarks.md.
 */
public final class SettlementThroughput {
  private static final int PAYERS = 80;
  private static final int PER_PAYER = 5;
  private static final int CLIENTS = 400;

  private SettlementThroughput() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "%-14s %5s %12s %10s %14s %12s%n",
        "mining", "keys", "settlements", "seconds", "settlements/s", "gas/settle");
    boolean[] minings =
        args.length > 0
            ? new boolean[] {Boolean.parseBoolean(args[0])}
            : new boolean[] {false, true};
    int[] keyCounts = args.length > 1 ? new int[] {Integer.parseInt(args[1])} : new int[] {1, 3};
    for (boolean blocks : minings) {
      for (int keys : keyCounts) {
        run(blocks, keys);
      }
    }
  }

  private static void run(boolean oneSecondBlocks, int keys) throws Exception {
    Path dir = Files.createTempDirectory("crogas-bench");
    try (LocalNetwork network = LocalNetwork.start();
        CroGasNode node = CroGasNode.start(network.config(keys, dir.resolve("bench.db")).build())) {
      Address payTo = LocalNetwork.User.of(9_999).address();
      List<SettlePaymentCommand> payments = new ArrayList<>();
      for (int p = 0; p < PAYERS; p++) {
        LocalNetwork.User payer = LocalNetwork.User.of(20_000 + p);
        network.fund(payer.address(), 1);
        for (int n = 0; n < PER_PAYER; n++) {
          payments.add(Payments.payment(payer, payTo, node.usdc(), n));
        }
      }
      if (oneSecondBlocks) {
        network.rpc("evm_setAutomine", "[false]");
        network.rpc("evm_setIntervalMining", "[1]");
      }
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long start = System.nanoTime();
      List<Future<SettleOutcome>> outcomes = new ArrayList<>();
      for (SettlePaymentCommand payment : payments) {
        outcomes.add(clients.submit(() -> Payments.settleRetrying(node.settler(), payment)));
      }
      int settled = 0;
      for (Future<SettleOutcome> outcome : outcomes) {
        SettleOutcome result = outcome.get(300, TimeUnit.SECONDS);
        if (result instanceof SettleOutcome.Settled) {
          settled++;
        } else {
          System.out.println("  not settled: " + result);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      clients.shutdown();
      long gas =
          NodeInternals.journal(node)
              .recent(java.util.Optional.empty(), 1)
              .get(0)
              .receipt()
              .orElseThrow()
              .gasUsed()
              .longValueExact();
      System.out.printf(
          "%-14s %5d %12d %10.2f %14.1f %12d%n",
          oneSecondBlocks ? "1 s blocks" : "automine",
          keys,
          settled,
          seconds,
          settled / seconds,
          gas);
    }
  }
}
