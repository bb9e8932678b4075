package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.out.Chain;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three instances on one store (a SQLite file, or Redis) and one anvil: "a" and "b" share out the
 * relayer keys by lease, "c" finds none free and hands its settlements to them through the journal.
 * Then "a" stops and its keys move on. Every payment is charged once, one transaction each, no
 * nonce left.
 */
class SharedStoreTest {
  private static final Duration TTL = Duration.ofSeconds(3);

  /** The round-robin drill's size: bounded for CI (issue #12 asks 500 in its documented drill). */
  static final int SETTLEMENTS = 120;

  /** Every this many payments is sent to two instances at once. */
  static final int DUPLICATE_EVERY = 6;

  private static final int PAYMENTS_PER_PAYER = 3;

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

  /**
   * Three instances on one Redis, one key each; {@link #SETTLEMENTS} payments sent round-robin,
   * some to two instances at once: each settles once, in one transaction, nonces contiguous per
   * key.
   */
  @Test
  void givenThreeInstancesOnOneRedis_whenPaymentsGoRoundRobinWithDuplicates_thenEachChargedOnce()
      throws Exception {
    try (SharedStore.Opened store = SharedStore.REDIS.open(dir);
        LocalNetwork network = LocalNetwork.start();
        CroGasNode a = start(network, store.location(), "a", 1);
        CroGasNode b = start(network, store.location(), "b", 2);
        CroGasNode c = start(network, store.location(), "c", 3)) {
      List<CroGasNode> nodes = List.of(a, b, c);
      assertThat(nodes).allSatisfy(node -> assertThat(node.heldKeys()).hasSize(1));
      Address payTo = LocalNetwork.User.of(9_998).address();
      int payers = SETTLEMENTS / PAYMENTS_PER_PAYER;
      List<LocalNetwork.User> users = new ArrayList<>();
      List<SettlePaymentCommand> payments = new ArrayList<>();
      for (int p = 0; p < payers; p++) {
        LocalNetwork.User payer = LocalNetwork.User.of(6_000 + p);
        network.fund(payer.address(), 1);
        users.add(payer);
        for (int n = 0; n < PAYMENTS_PER_PAYER; n++) {
          payments.add(Payments.payment(payer, payTo, a.usdc(), n));
        }
      }

      long started = System.nanoTime();
      Set<String> hashes = settleWithDuplicates(payments, nodes);
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf(
          "%d settlements (every %dth duplicated) over 3 instances on Redis: %d ms%n",
          SETTLEMENTS, DUPLICATE_EVERY, millis);

      assertThat(hashes).as("one transaction per payment").hasSize(SETTLEMENTS);
      Chain chain = NodeInternals.chain(a);
      BigInteger whole = BigInteger.TEN.pow(6);
      for (LocalNetwork.User payer : users) {
        assertThat(chain.tokenBalance(a.usdc().token(), payer.address()))
            .as("payer %s charged once per payment", payer.address())
            .isEqualTo(
                whole.subtract(Payments.VALUE.multiply(BigInteger.valueOf(PAYMENTS_PER_PAYER))));
      }
      assertThat(chain.tokenBalance(a.usdc().token(), payTo))
          .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(SETTLEMENTS)));
      assertThat(NodeInternals.journal(a).recent(Optional.empty(), 2 * SETTLEMENTS))
          .hasSize(SETTLEMENTS)
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED))
          .allSatisfy(r -> assertThat(r.txHashes()).hasSize(1));
      long sent = 0;
      for (Address key : c.relayers()) {
        assertThat(NodeInternals.nonceLedger(a).pending(key)).as("no nonce left").isEmpty();
        sent += ConcurrencyTest.transactionCount(network, key);
      }
      assertThat(sent).as("chain nonces == transactions sent, no filler").isEqualTo(SETTLEMENTS);
    }
  }

  /**
   * Settles payment n on node n mod 3, and every {@link #DUPLICATE_EVERY}th also on the next node
   * at the same time: one of the two answers is the settlement, the other a duplicate, none failed.
   */
  private static Set<String> settleWithDuplicates(
      List<SettlePaymentCommand> payments, List<CroGasNode> nodes) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<List<Future<SettleOutcome>>> outcomes = new ArrayList<>();
      for (int n = 0; n < payments.size(); n++) {
        SettlePaymentCommand payment = payments.get(n);
        List<Future<SettleOutcome>> answers = new ArrayList<>();
        int copies = n % DUPLICATE_EVERY == 0 ? 2 : 1;
        for (int copy = 0; copy < copies; copy++) {
          CroGasNode node = nodes.get((n + copy) % nodes.size());
          answers.add(clients.submit(() -> Payments.settleRetrying(node.settler(), payment)));
        }
        outcomes.add(answers);
      }
      Set<String> hashes = new HashSet<>();
      for (List<Future<SettleOutcome>> answers : outcomes) {
        List<SettleOutcome> settled = new ArrayList<>();
        for (Future<SettleOutcome> answer : answers) {
          settled.add(answer.get(60, TimeUnit.SECONDS));
        }
        assertThat(settled)
            .as("no answer says failed for a payment that is charged")
            .noneMatch(SettleOutcome.Failed.class::isInstance)
            .filteredOn(SettleOutcome.Settled.class::isInstance)
            .hasSize(1);
        settled.stream()
            .filter(SettleOutcome.Settled.class::isInstance)
            .forEach(s -> hashes.add(((SettleOutcome.Settled) s).transaction().hex()));
      }
      return hashes;
    } finally {
      clients.shutdownNow();
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
