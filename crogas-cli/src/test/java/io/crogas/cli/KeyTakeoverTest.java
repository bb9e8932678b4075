package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.io.BufferedReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Instance "a" (a child JVM) holds every relayer key and settles payments; instance "b" shares its
 * store (a SQLite file, or Redis) and holds none. "a" is killed with SIGKILL mid-flight: "b" takes
 * its keys once their leases run out and finishes its work. Nothing lost, sent or charged twice.
 */
class KeyTakeoverTest {
  private static final Duration TTL = Duration.ofSeconds(3);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(SharedStore.class)
  void givenAnInstanceKilledMidFlight_whenItsLeasesRunOut_thenAnotherFinishesItsWorkExactlyOnce(
      SharedStore kind) throws Exception {
    try (SharedStore.Opened store = kind.open(dir);
        LocalNetwork network = LocalNetwork.start()) {
      Address payTo = LocalNetwork.User.of(8_889).address();
      for (int p = 0; p < 10; p++) {
        network.fund(LocalNetwork.User.of(5_000 + p).address(), 1);
      }
      network.rpc("evm_setAutomine", "[false]");
      network.rpc("evm_setIntervalMining", "[1]");
      Process a =
          CrashRecoveryTest.startChild(
              network,
              store.setting(),
              payTo,
              "-Dcrogas.instance=a",
              "-Dcrogas.lease.seconds=" + TTL.toSeconds());
      BufferedReader output = CrashRecoveryTest.output(a);
      assertThat(CrashRecoveryTest.untilOutcomes(output, 1)).contains("started");
      try (CroGasNode b =
          CroGasNode.start(
              network.config(3, store.location()).instanceId("b").leaseTtl(TTL).build())) {
        assertThat(b.heldKeys()).as("a holds every key").isEmpty();
        CrashRecoveryTest.untilOutcomes(output, 7);

        a.destroyForcibly(); // SIGKILL: its leases are not released, they run out
        long killed = System.nanoTime();
        assertThat(a.waitFor(10, TimeUnit.SECONDS)).isTrue();
        await("b holding every key")
            .atMost(TTL.multipliedBy(3))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> b.heldKeys().size() == 3);
        long takeoverMillis = (System.nanoTime() - killed) / 1_000_000;
        System.out.printf(
            "key takeover after SIGKILL on %s: %d ms (lease %d s)%n",
            kind, takeoverMillis, TTL.toSeconds());
        assertThat(takeoverMillis).isLessThan(TTL.multipliedBy(2).toMillis()); // ttl + a refresh

        await("b finishing every job of a")
            .atMost(Duration.ofSeconds(60))
            .until(() -> NodeInternals.journal(b).inFlight().isEmpty());
        List<RelayRecord> records = NodeInternals.journal(b).recent(Optional.empty(), 500);
        assertThat(records).allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED));
        assertThat(NodeInternals.chain(b).tokenBalance(b.usdc().token(), payTo))
            .as("each confirmed payment charged exactly once")
            .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(records.size())));
        long sent = 0;
        for (Address key : b.relayers()) {
          assertThat(NodeInternals.nonceLedger(b).pending(key)).isEmpty();
          sent += ConcurrencyTest.transactionCount(network, key);
        }
        assertThat(sent).as("one mined transaction per settlement").isEqualTo(records.size());
        assertThat(records.size()).isGreaterThanOrEqualTo(8);
      } finally {
        a.destroyForcibly();
      }
    }
  }
}
