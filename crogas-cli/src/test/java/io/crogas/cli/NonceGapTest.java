package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nonces are never left behind (PRODUCT §6): a dropped transaction and a key that runs dry while
 * its replacements are refused must not kill the lane; once the key can pay again it recovers by
 * itself.
 */
class NonceGapTest {
  private static final Duration REPLACE_AFTER = Duration.ofMillis(300);

  @TempDir Path dir;

  @Test
  void givenADroppedTransactionAndAnEmptiedKey_whenToppedUp_thenTheLaneRecoversAndEveryJobEnds()
      throws Exception {
    try (LocalNetwork network = LocalNetwork.start()) {
      Address payTo = LocalNetwork.User.of(72).address();
      List<LocalNetwork.User> payers = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        payers.add(LocalNetwork.User.of(7_200 + p));
        network.fund(payers.get(p).address(), 1);
      }
      network.rpc("evm_setAutomine", "[false]");
      try (CroGasNode node =
          CroGasNode.start(
              network
                  .config(1, dir.resolve("gap.db"))
                  .replaceAfter(REPLACE_AFTER)
                  .settleWait(Duration.ofSeconds(1))
                  .build())) {
        Address relayer = node.relayers().get(0);
        List<CompletableFuture<SettleOutcome>> settling = new ArrayList<>();
        for (LocalNetwork.User payer : payers) {
          settling.add(
              CompletableFuture.supplyAsync(
                  () -> node.settler().settle(Payments.payment(payer, payTo, node.usdc(), 0))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> submitted(node) == 4);

        network.rpc("anvil_dropTransaction", "[\"" + hashAtNonce(node, relayer, 1) + "\"]");
        network.rpc("anvil_setBalance", "[\"" + relayer + "\",\"0x0\"]");
        // The key stays empty for longer than every replacement the policy allows would take: real
        // time passing is the behaviour under test (the node runs on it), not a wait for something.
        Thread.sleep(REPLACE_AFTER.multipliedBy(10).toMillis());
        network.rpc("anvil_setBalance", "[\"" + relayer + "\",\"0x21e19e0c9bab2400000\"]");
        network.rpc("evm_setIntervalMining", "[1]");

        await()
            .atMost(Duration.ofSeconds(40))
            .until(() -> NodeInternals.journal(node).inFlight().isEmpty());
        for (CompletableFuture<SettleOutcome> outcome : settling) {
          outcome.get(10, TimeUnit.SECONDS);
        }
        List<RelayRecord> records = NodeInternals.journal(node).recent(Optional.empty(), 10);
        assertThat(records)
            .hasSize(4)
            .allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED));
        assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
            .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(4)));
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> NodeInternals.nonceLedger(node).pending(relayer).isEmpty());
      }
    }
  }

  private static long submitted(CroGasNode node) {
    return NodeInternals.journal(node).recent(Optional.empty(), 10).stream()
        .filter(r -> r.state() == RelayState.SUBMITTED)
        .count();
  }

  private static String hashAtNonce(CroGasNode node, Address relayer, long nonce) {
    NonceAssignment assignment =
        NodeInternals.nonceLedger(node).pending(relayer).stream()
            .filter(a -> a.nonce() == nonce)
            .findFirst()
            .orElseThrow();
    return assignment.latest().orElseThrow().hash().hex();
  }
}
