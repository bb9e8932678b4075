package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing that may have executed is reported failed for good (PRODUCT §6): a receipt that comes
 * after the engine's grace corrects the record, and an error text no node is known to use on a send
 * that did reach the node is "unknown", not "refused".
 */
class LateReceiptTest {
  private static final Duration GRACE = Duration.ofSeconds(1);

  @TempDir Path dir;

  @Test
  void givenReceiptsDelayedPastTheGrace_whenTheyArrive_thenTheRecordIsConfirmed() throws Exception {
    try (LocalNetwork network = LocalNetwork.start();
        FaultyRpcProxy proxy = new FaultyRpcProxy(network.anvil.rpcUrl(), Duration.ZERO)) {
      LocalNetwork.User payer = LocalNetwork.User.of(81);
      network.fund(payer.address(), 1);
      Address payTo = LocalNetwork.User.of(82).address();
      try (CroGasNode node = start(network, proxy, dir.resolve("late.db"))) {
        proxy.hideReceipts.set(true);
        CompletableFuture<SettleOutcome> settling =
            CompletableFuture.supplyAsync(
                () -> node.settler().settle(Payments.payment(payer, payTo, node.usdc(), 0)));
        // The receipt stays hidden well past the grace: three times it, counted from the mining.
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> ConcurrencyTest.transactionCount(network, relayer(node)) == 1);
        // Real time passing is the behaviour under test (the node runs on it), not a wait.
        Thread.sleep(GRACE.multipliedBy(3).toMillis());

        proxy.hideReceipts.set(false);

        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> only(node).state() == RelayState.CONFIRMED);
        settling.get(10, TimeUnit.SECONDS);
        RelayRecord record = node.history().find(only(node).id()).orElseThrow();
        assertThat(record.receipt()).isPresent();
        assertThat(record.txHashes()).contains(record.receipt().orElseThrow().txHash());
        assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
            .isEqualTo(Payments.VALUE);
      }
    }
  }

  @Test
  void givenAnUnknownErrorToASendThatArrived_whenWatched_thenConfirmedAndNothingElseSent()
      throws Exception {
    try (LocalNetwork network = LocalNetwork.start();
        FaultyRpcProxy proxy = new FaultyRpcProxy(network.anvil.rpcUrl(), Duration.ZERO)) {
      LocalNetwork.User payer = LocalNetwork.User.of(83);
      network.fund(payer.address(), 1);
      Address payTo = LocalNetwork.User.of(84).address();
      try (CroGasNode node = start(network, proxy, dir.resolve("unknown.db"))) {
        proxy.garbleSends.set(true);
        SettleOutcome outcome =
            node.settler().settle(Payments.payment(payer, payTo, node.usdc(), 0));

        await().atMost(Duration.ofSeconds(20)).until(() -> only(node).state().isFinal());
        assertThat(proxy.faulted.get()).as("the send was garbled").isPositive();
        assertThat(only(node).state()).isEqualTo(RelayState.CONFIRMED);
        assertThat(outcome).isNotInstanceOf(SettleOutcome.Failed.class);
        assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
            .isEqualTo(Payments.VALUE);
        assertThat(ConcurrencyTest.transactionCount(network, relayer(node)))
            .as("no gap filler or second transaction")
            .isEqualTo(1);
      }
    }
  }

  private static CroGasNode start(LocalNetwork network, FaultyRpcProxy proxy, Path store) {
    return CroGasNode.start(
        network
            .config(proxy.url(), 1, store)
            .receiptGrace(GRACE)
            .settleWait(Duration.ofSeconds(1))
            .build());
  }

  private static Address relayer(CroGasNode node) {
    return node.relayers().get(0);
  }

  private static RelayRecord only(CroGasNode node) {
    return NodeInternals.journal(node).recent(Optional.empty(), 2).get(0);
  }
}
