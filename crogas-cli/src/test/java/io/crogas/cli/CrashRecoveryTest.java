package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import io.crogas.testkit.AnvilChain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node settling payments is killed with SIGKILL mid-flight (blocks every second, so some
 * transactions are mined, some pooled, some not yet signed); a new node on the same database
 * finishes everything: nothing lost, nothing sent or charged twice, nothing left pending.
 */
class CrashRecoveryTest {
  private static final int PAYERS = 10;
  private static final int PER_PAYER = 4;

  @TempDir Path dir;

  @Test
  void
      givenANodeKilledMidFlight_whenRestartedOnTheSameStore_thenEverySettlementFinishesExactlyOnce()
          throws Exception {
    try (LocalNetwork network = LocalNetwork.start()) {
      Address payTo = LocalNetwork.User.of(8_888).address();
      for (int p = 0; p < PAYERS; p++) {
        network.fund(LocalNetwork.User.of(5_000 + p).address(), 1);
      }
      network.rpc("evm_setAutomine", "[false]");
      network.rpc("evm_setIntervalMining", "[1]");
      Path store = dir.resolve("crogas.db");

      Process child = startChild(network, store, payTo);
      // Some settled, the rest in every other state.
      List<String> lines = untilOutcomes(output(child), 8);
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(lines).as("child output").contains("started");

      try (CroGasNode node = CroGasNode.start(network.config(3, store).build())) {
        await("the recovered node finishing every job")
            .atMost(Duration.ofSeconds(60))
            .until(() -> NodeInternals.journal(node).inFlight().isEmpty());
        List<RelayRecord> records = NodeInternals.journal(node).recent(Optional.empty(), 500);

        assertThat(NodeInternals.journal(node).inFlight()).as("nothing left pending").isEmpty();
        assertThat(records).allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED));
        long confirmed = records.size();
        assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
            .as("each confirmed payment charged exactly once")
            .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(confirmed)));
        long relayerTransactions = 0;
        for (Address relayer : node.relayers()) {
          assertThat(NodeInternals.nonceLedger(node).pending(relayer)).isEmpty();
          relayerTransactions += ConcurrencyTest.transactionCount(network, relayer);
        }
        assertThat(relayerTransactions)
            .as("one mined transaction per settlement")
            .isEqualTo(confirmed);
        assertThat(confirmed).as("every journaled payment finished").isGreaterThanOrEqualTo(8);
      }
    }
  }

  static BufferedReader output(Process child) {
    return new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The child's next output lines, up to the {@code outcomes}-th settle outcome among them. */
  static List<String> untilOutcomes(BufferedReader out, int outcomes) throws Exception {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      if (lines.stream().filter(l -> l.startsWith("outcome")).count() >= outcomes) {
        break;
      }
    }
    return lines;
  }

  /** A {@link CrashDrill} settling {@link #PAYERS} × {@link #PER_PAYER} payments on 3 keys. */
  static Process startChild(LocalNetwork network, Path store, Address payTo, String... jvmOptions)
      throws Exception {
    return startChild(network, store.toString(), payTo, jvmOptions);
  }

  /** As above, {@code store} a file path or a {@code redis://} URI (as CROGAS_STORE takes). */
  static Process startChild(LocalNetwork network, String store, Address payTo, String... jvmOptions)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashDrill.class.getName());
    command.add(network.anvil.rpcUrl());
    command.add(network.deployment.forwarder().value());
    command.add(network.deployment.usdc().value());
    command.add(store);
    command.add(payTo.value());
    command.add(Integer.toString(PAYERS));
    command.add(Integer.toString(PER_PAYER));
    command.addAll(AnvilChain.DEV_KEYS.subList(1, 4));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
