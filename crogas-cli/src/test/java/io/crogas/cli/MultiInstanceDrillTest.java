package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import io.crogas.node.StoreLocation;
import io.crogas.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #12's round-robin drill: two or three instances on one Redis and one anvil (automine),
 * instance i listing relayer keys 1..i+1 (the last all three), so each holds its own; the {@link
 * DrillLoad} (500 settlements and 200 gasless calls, every sixth request sent to two instances at
 * once) goes round-robin over them. Each request confirmed exactly once, every payer charged once,
 * nonces contiguous per key, and no "nonce too low" answer from the chain (counted by a proxy all
 * instances reach anvil through).
 */
class MultiInstanceDrillTest {
  private static final Duration TTL = Duration.ofSeconds(3);

  @ParameterizedTest(name = "{0} instances")
  @ValueSource(ints = {2, 3})
  void givenInstancesOnOneRedis_whenTheLoadGoesRoundRobinWithDuplicates_thenEachConfirmedOnce(
      int count) throws Exception {
    try (RedisServer redis = RedisServer.start();
        LocalNetwork network = LocalNetwork.start();
        CountingRpcProxy rpc = new CountingRpcProxy(network.anvil.rpcUrl())) {
      List<CroGasNode> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          nodes.add(start(network, rpc, redis, "i" + i, i == count - 1 ? 3 : i + 1));
        }
        assertThat(nodes).allSatisfy(node -> assertThat(node.heldKeys()).isNotEmpty());
        long preparing = System.nanoTime();
        DrillLoad load = DrillLoad.prepare(network, nodes);
        long prepared = (System.nanoTime() - preparing) / 1_000_000;

        DrillLoad.Answers answers =
            load.send(DrillLoad.inProcess(nodes), Integer.MAX_VALUE, () -> {});
        long sending = System.nanoTime();
        DrillLoad.awaitSettled(NodeInternals.journal(nodes.get(0)));
        long settledMillis = answers.millis() + (System.nanoTime() - sending) / 1_000_000;
        System.out.printf(
            "round-robin drill, %d instances on Redis: %d settlements + %d gasless calls (every %dth"
                + " duplicated) answered in %d ms, all final in %d ms (set-up %d ms)%n",
            count,
            DrillLoad.SETTLEMENTS,
            DrillLoad.GASLESS,
            DrillLoad.DUPLICATE_EVERY,
            answers.millis(),
            settledMillis,
            prepared);

        for (List<DrillLoad.Answer> copies : answers.answers()) {
          assertThat(copies)
              .as("one copy taken, the other a duplicate")
              .containsOnlyOnce(DrillLoad.Answer.ACCEPTED)
              .allMatch(a -> a == DrillLoad.Answer.ACCEPTED || a == DrillLoad.Answer.DUPLICATE);
        }
        load.assertEachConfirmedOnce(network, nodes.get(0));
        assertThat(rpc.nonceTooLow()).as("\"nonce too low\" answers").isZero();
      } finally {
        nodes.forEach(CroGasNode::close);
      }
    }
  }

  /**
   * Issue #12's Redis drill, the same load over two instances: a third of the way through,
   * redis-server is killed (SIGKILL) and started again from its append-only file. Requests meeting
   * the outage get 503 {@code unavailable} and are asked again; no request that was answered as
   * taken is lost: each is journaled once and confirmed once, nobody charged twice. ({@link
   * HttpRedisStoreTest} checks the same of one instance with settlements in flight, and the 503.)
   */
  @Test
  void givenTwoInstancesUnderLoad_whenRedisRestartsMidRun_thenNoAcceptedRequestIsLost()
      throws Exception {
    try (RedisServer redis = RedisServer.start();
        LocalNetwork network = LocalNetwork.start();
        CountingRpcProxy rpc = new CountingRpcProxy(network.anvil.rpcUrl())) {
      List<CroGasNode> nodes = new ArrayList<>();
      try {
        nodes.add(start(network, rpc, redis, "i0", 1));
        nodes.add(start(network, rpc, redis, "i1", 3));
        DrillLoad load = DrillLoad.prepare(network, nodes);
        AtomicLong restartMillis = new AtomicLong();
        Runnable restart =
            () -> {
              long killed = System.nanoTime();
              redis.restart();
              restartMillis.set((System.nanoTime() - killed) / 1_000_000);
            };

        DrillLoad.Answers answers =
            load.send(DrillLoad.inProcess(nodes), load.requests.size() / 3, restart);
        DrillLoad.awaitSettled(NodeInternals.journal(nodes.get(0)));
        System.out.printf(
            "Redis restart drill, 2 instances: %d settlements + %d gasless calls answered in %d ms;"
                + " Redis down %d ms; \"nonce too low\" answers: %d%n",
            DrillLoad.SETTLEMENTS,
            DrillLoad.GASLESS,
            answers.millis(),
            restartMillis.get(),
            rpc.nonceTooLow());

        for (List<DrillLoad.Answer> copies : answers.answers()) {
          assertThat(copies)
              .as("taken (by this copy or an earlier attempt), never refused")
              .allMatch(a -> a == DrillLoad.Answer.ACCEPTED || a == DrillLoad.Answer.DUPLICATE);
        }
        load.assertEachConfirmedOnce(network, nodes.get(0));
        assertThat(rpc.nonceTooLow()).as("\"nonce too low\" answers").isZero();
      } finally {
        nodes.forEach(CroGasNode::close);
      }
    }
  }

  /** Instance {@code id} on the shared Redis, listing relayer keys 1..{@code keys}. */
  static CroGasNode start(
      LocalNetwork network, CountingRpcProxy rpc, RedisServer redis, String id, int keys) {
    return CroGasNode.start(
        network
            .config(rpc.url(), keys, Path.of("unused"))
            .store(new StoreLocation.Redis(redis.uri(), StoreLocation.Redis.DEFAULT_PREFIX))
            .instanceId(id)
            .leaseTtl(TTL)
            .build());
  }
}
