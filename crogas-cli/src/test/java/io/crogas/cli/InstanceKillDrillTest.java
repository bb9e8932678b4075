package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.out.Journal;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import io.crogas.testkit.AnvilChain;
import io.crogas.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12's {@code kill -9} drill: three instances on one Redis and one anvil (a block a second,
 * so work is in flight), lease 3 s. Instance "i0" runs in its own JVM behind its HTTP API and holds
 * relayer key 1; "i1" and "i2" (this JVM) hold keys 2 and 3 and list key 1 too. The {@link
 * DrillLoad} goes round-robin over the three; a third of the way through "i0" is killed with
 * SIGKILL, and the clients ask the next instance whatever "i0" no longer answers. A survivor takes
 * key 1 within the lease (+ a refresh), every record in flight at the kill ends, each request is
 * journaled once, nobody is charged twice, nonces stay contiguous per key.
 */
class InstanceKillDrillTest {
  private static final Duration TTL = Duration.ofSeconds(3);

  @TempDir Path dir;

  @Test
  void givenThreeInstancesUnderLoad_whenOneIsKilledMidRun_thenTheOthersTakeOverItsKeyAndWork()
      throws Exception {
    try (RedisServer redis = RedisServer.start();
        LocalNetwork network = LocalNetwork.start();
        CountingRpcProxy rpc = new CountingRpcProxy(network.anvil.rpcUrl())) {
      Address victimKey = Address.parse(AnvilChain.DEV_ADDRESSES.get(1));
      Path victimLog = dir.resolve("i0.log");
      Process victim = startVictim(network, rpc, redis, victimLog);
      List<CroGasNode> survivors = new ArrayList<>();
      try {
        String url = listening(victimLog);
        survivors.add(MultiInstanceDrillTest.start(network, rpc, redis, "i1", 2));
        survivors.add(MultiInstanceDrillTest.start(network, rpc, redis, "i2", 3));
        assertThat(survivors)
            .as("each survivor holds its own key, not the victim's")
            .allSatisfy(node -> assertThat(node.heldKeys()).hasSize(1).doesNotContain(victimKey));
        DrillLoad load = DrillLoad.prepare(network, survivors);
        network.rpc("evm_setAutomine", "[false]");
        network.rpc("evm_setIntervalMining", "[1]");
        Journal journal = NodeInternals.journal(survivors.get(0));

        AtomicLong takeoverMillis = new AtomicLong(-1);
        AtomicLong inFlightFinalMillis = new AtomicLong(-1);
        AtomicLong victimKeySentAtKill = new AtomicLong(-1);
        AtomicReference<Set<String>> inFlightAtKill = new AtomicReference<>(Set.of());
        Runnable kill =
            () -> {
              victim.destroyForcibly(); // SIGKILL: its leases are not released, they run out
              long killed = System.nanoTime();
              victimKeySentAtKill.set(ConcurrencyTest.transactionCount(network, victimKey));
              inFlightAtKill.set(
                  journal.inFlight().stream().map(RelayRecord::id).collect(Collectors.toSet()));
              await("a survivor holding the victim's key")
                  .atMost(TTL.multipliedBy(3))
                  .pollInterval(Duration.ofMillis(20))
                  .until(() -> survivors.stream().anyMatch(n -> n.heldKeys().contains(victimKey)));
              takeoverMillis.set((System.nanoTime() - killed) / 1_000_000);
              await("every record in flight at the kill final")
                  .atMost(Duration.ofSeconds(60))
                  .pollInterval(Duration.ofMillis(20))
                  .until(() -> inFlightAtKill.get().stream().allMatch(id -> isFinal(journal, id)));
              inFlightFinalMillis.set((System.nanoTime() - killed) / 1_000_000);
            };
        List<DrillLoad.Instance> instances =
            List.of(
                new DrillLoad.OverHttp(new HttpJson(url), survivors.get(0).usdc()),
                new DrillLoad.InProcess(survivors.get(0)),
                new DrillLoad.InProcess(survivors.get(1)));
        DrillLoad.Answers answers = load.send(instances, load.requests.size() / 3, kill);
        DrillLoad.awaitSettled(journal);
        System.out.printf(
            "kill -9 drill, 3 instances on Redis, lease %d s, %d settlements + %d gasless calls:"
                + " answered in %d ms; victim's key taken over %d ms after the kill; the %d records"
                + " in flight at the kill final %d ms after it; key 1 had %d transactions mined at the kill, %d"
                + " at the end; \"nonce too low\" answers: %d%n",
            TTL.toSeconds(),
            DrillLoad.SETTLEMENTS,
            DrillLoad.GASLESS,
            answers.millis(),
            takeoverMillis.get(),
            inFlightAtKill.get().size(),
            inFlightFinalMillis.get(),
            victimKeySentAtKill.get(),
            ConcurrencyTest.transactionCount(network, victimKey),
            rpc.nonceTooLow());

        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(takeoverMillis.get())
            .as("taken over within the lease and one refresh")
            .isBetween(0L, TTL.plusSeconds(1).toMillis());
        assertThat(victimKeySentAtKill.get())
            .as("the victim was sending with its key")
            .isPositive();
        assertThat(answers.answers())
            .as("every request answered by some instance")
            .allSatisfy(copies -> assertThat(copies).doesNotContain(DrillLoad.Answer.UNAVAILABLE));
        List<RelayRecord> records = load.records(journal);
        assertThat(records)
            .as("each request journaled once, and final")
            .hasSize(load.requests.size())
            .allSatisfy(
                r ->
                    assertThat(r.state())
                        .as(r.toString())
                        .isIn(RelayState.CONFIRMED, RelayState.FAILED));
        load.assertChargedOncePerConfirmedRecord(
            NodeInternals.chain(survivors.get(0)), journal, survivors.get(0));
        long mined = records.stream().filter(r -> r.receipt().isPresent()).count();
        DrillLoad.assertNoncesContiguous(network, survivors.get(0), mined);
      } finally {
        victim.destroyForcibly();
        survivors.forEach(CroGasNode::close);
      }
    }
  }

  private static boolean isFinal(Journal journal, String id) {
    return journal.find(id).map(r -> r.state().isFinal()).orElse(true);
  }

  /** Instance "i0" in a child JVM, listing relayer key 1 only. */
  private static Process startVictim(
      LocalNetwork network, CountingRpcProxy rpc, RedisServer redis, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dcrogas.instance=i0");
    command.add("-Dcrogas.lease.seconds=" + TTL.toSeconds());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServedDrillInstance.class.getName());
    command.add(rpc.url());
    command.add(network.deployment.forwarder().value());
    command.add(network.deployment.usdc().value());
    command.add(redis.uri());
    command.add(AnvilChain.DEV_KEYS.get(1));
    // Its log goes to a file: a pipe nobody reads would fill and stop it.
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** The URL of the child's {@code listening URL} line, once it is written (bounded). */
  private static String listening(Path log) {
    AtomicReference<String> url = new AtomicReference<>();
    await("the victim instance listening")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Files.readAllLines(log).stream()
                  .filter(line -> line.startsWith("listening "))
                  .findFirst()
                  .ifPresent(line -> url.set(line.substring("listening ".length()).strip()));
              return url.get() != null;
            });
    return url.get();
  }
}
