package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import io.crogas.node.StoreLocation;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three instances on one store (a SQLite file, or Redis) and one anvil: "a" and "b" share out the
 * relayer keys by lease, "c" finds none free and hands its settlements to them through the journal.
 * Then "a" stops and its keys move on. Every payment is charged once, one transaction each, no
 * nonce left. (The round-robin drill at the scale, with duplicates and gasless calls, is
 * {@link MultiInstanceDrillTest}.)
 */
class SharedStoreTest {
  private static final Duration TTL = Duration.ofSeconds(3);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(SharedStore.class)
  void givenThreeInstancesOnOneStore_whenSettlingThroughEach_thenEveryPaymentSettlesExactlyOnce(
      SharedStore kind) throws Exception {
    try (SharedStore.Opened store = kind.open(dir);
        LocalNetwork network = LocalNetwork.start()) {
      CroGasNode a = start(network, store.location(), "a", 2);
      try (a;
          CroGasNode b = start(network, store.location(), "b", 3);
          CroGasNode c = start(network, store.location(), "c", 3)) {
        run(network, a, b, c);
      }
    }
  }

  private static void run(LocalNetwork network, CroGasNode a, CroGasNode b, CroGasNode c)
      throws Exception {
    Address payTo = LocalNetwork.User.of(9_999).address();
    List<Address> keys = b.relayers();
    assertThat(a.heldKeys()).containsExactlyElementsOf(keys.subList(0, 2));
    assertThat(b.heldKeys()).containsExactly(keys.get(2));
    assertThat(c.heldKeys()).isEmpty();

    Set<String> first = settle(payments(network, a, payTo, 0, 12), List.of(a, b, c));
    assertThat(first).hasSize(12);

    stop(a); // it lets its keys go: "b" or "c" takes them at its next lease refresh
    await("a's keys taken over")
        .atMost(TTL.multipliedBy(3))
        .until(() -> b.heldKeys().size() + c.heldKeys().size() == 3);
    Set<String> second = settle(payments(network, b, payTo, 100, 6), List.of(b, c));
    assertThat(second).hasSize(6);

    assertThat(NodeInternals.chain(b).tokenBalance(b.usdc().token(), payTo))
        .as("each payment charged exactly once")
        .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(18)));
    List<RelayRecord> records = NodeInternals.journal(b).recent(Optional.empty(), 100);
    assertThat(records)
        .hasSize(18)
        .allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED))
        .allSatisfy(r -> assertThat(r.txHashes()).hasSize(1));
    long sent = 0;
    for (Address key : keys) {
      assertThat(NodeInternals.nonceLedger(b).pending(key)).isEmpty();
      sent += ConcurrencyTest.transactionCount(network, key);
    }
    assertThat(sent).as("one transaction per settlement, no filler").isEqualTo(18);
  }

  // Closed again, harmlessly, when the test ends.
  private static void stop(CroGasNode node) {
    node.close();
  }

  private static CroGasNode start(LocalNetwork network, StoreLocation store, String id, int keys) {
    return CroGasNode.start(network.config(keys, store).instanceId(id).leaseTtl(TTL).build());
  }

  private static List<SettlePaymentCommand> payments(
      LocalNetwork network, CroGasNode node, Address payTo, int from, int count) {
    List<SettlePaymentCommand> payments = new ArrayList<>();
    for (int p = from; p < from + count; p++) {
      LocalNetwork.User payer = LocalNetwork.User.of(3_000 + p);
      network.fund(payer.address(), 1);
      payments.add(Payments.payment(payer, payTo, node.usdc(), 0));
    }
    return payments;
  }

  /** Settles each payment on the next node round-robin; returns the transactions. */
  private static Set<String> settle(List<SettlePaymentCommand> payments, List<CroGasNode> nodes)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<SettleOutcome>> outcomes = new ArrayList<>();
      for (int n = 0; n < payments.size(); n++) {
        CroGasNode node = nodes.get(n % nodes.size());
        SettlePaymentCommand payment = payments.get(n);
        outcomes.add(clients.submit(() -> Payments.settleRetrying(node.settler(), payment)));
      }
      Set<String> hashes = new HashSet<>();
      for (Future<SettleOutcome> outcome : outcomes) {
        SettleOutcome settled = outcome.get(60, TimeUnit.SECONDS);
        assertThat(settled).isInstanceOf(SettleOutcome.Settled.class);
        hashes.add(((SettleOutcome.Settled) settled).transaction().hex());
      }
      return hashes;
    } finally {
      clients.shutdownNow();
    }
  }
}
