package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.math.BigInteger;
import java.nio.file.Path;
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

/** 200 concurrent settlements over 3 relayer keys on a real chain. */
class ConcurrencyTest {
  @TempDir Path dir;

  @Test
  void
      givenTwoHundredConcurrentSettlements_whenRelayedOverThreeKeys_thenAllFinalWithNoGapsOrDuplicates()
          throws Exception {
    try (LocalNetwork network = LocalNetwork.start();
        CroGasNode node = CroGasNode.start(network.config(3, dir.resolve("crogas.db")).build())) {
      Address payTo = LocalNetwork.User.of(7_777).address();
      List<SettlePaymentCommand> payments = new ArrayList<>();
      for (int p = 0; p < 40; p++) {
        LocalNetwork.User payer = LocalNetwork.User.of(1_000 + p);
        network.fund(payer.address(), 1);
        for (int n = 0; n < 5; n++) {
          payments.add(Payments.payment(payer, payTo, node.usdc(), n));
        }
      }
      ExecutorService clients = Executors.newFixedThreadPool(32);
      List<Future<SettleOutcome>> outcomes = new ArrayList<>();
      for (SettlePaymentCommand payment : payments) {
        outcomes.add(clients.submit(() -> Payments.settleRetrying(node.settler(), payment)));
      }
      Set<Hash32> hashes = new HashSet<>();
      for (Future<SettleOutcome> outcome : outcomes) {
        SettleOutcome settled = outcome.get(120, TimeUnit.SECONDS);
        assertThat(settled).isInstanceOf(SettleOutcome.Settled.class);
        hashes.add(((SettleOutcome.Settled) settled).transaction());
      }
      clients.shutdown();

      assertThat(hashes).hasSize(200);
      assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
          .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(200)));
      List<RelayRecord> records = NodeInternals.journal(node).recent(Optional.empty(), 500);
      assertThat(records)
          .hasSize(200)
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(RelayState.CONFIRMED));
      assertThat(records).allSatisfy(r -> assertThat(r.txHashes()).hasSize(1));
      int sent = 0;
      for (Address relayer : node.relayers()) {
        assertThat(NodeInternals.nonceLedger(node).pending(relayer)).isEmpty();
        long mined = transactionCount(network, relayer);
        sent += mined;
        assertThat(mined).isPositive(); // every key took a share
      }
      assertThat(sent).isEqualTo(200); // one transaction per settlement: no duplicate, no filler
      Set<Long> nonces = new HashSet<>();
      for (RelayRecord record : records) {
        NonceAssignment assignment =
            NodeInternals.nonceLedger(node).forRecord(record.id()).orElseThrow();
        assertThat(assignment.mined()).contains(record.txHashes().get(0));
        nonces.add(assignment.nonce() * 10 + node.relayers().indexOf(assignment.relayer()));
      }
      assertThat(nonces).hasSize(200);
    }
  }

  static long transactionCount(LocalNetwork network, Address account) {
    return transactionCount(network, account, "latest");
  }

  /** The account's transaction count at {@code block} ("latest", or "pending" with the pool). */
  static long transactionCount(LocalNetwork network, Address account, String block) {
    String answer =
        network.anvil.rpc("eth_getTransactionCount", "[\"" + account + "\",\"" + block + "\"]");
    return Long.parseLong(answer.replaceAll(".*\"result\":\"0x([0-9a-fA-F]+)\".*", "$1"), 16);
  }
}
