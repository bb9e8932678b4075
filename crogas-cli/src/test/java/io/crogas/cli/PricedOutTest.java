package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settlement whose fee cap the base fee has passed (a run of full blocks raises it 12.5% each)
 * cannot be mined until the base fee falls, and holds back every later nonce of its key: the watch
 * re-bids it as soon as it sees that, not after the replacement period (30 s by default), and the
 * payment still moves once.
 */
class PricedOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void givenASettlementTheBaseFeeOutgrew_whenWatched_thenRebidAndMinedWellBeforeReplaceAfter()
      throws Exception {
    settlesPricedOut(false);
  }

  @Test
  void givenAPricedOutSettlementWhoseFirstRebidIsRefused_whenWatched_thenRebidAgainAndMined()
      throws Exception {
    settlesPricedOut(true);
  }

  private void settlesPricedOut(boolean rebidRefusedFirst) throws Exception {
    try (LocalNetwork network = LocalNetwork.start()) {
      LocalNetwork.User payer = LocalNetwork.User.of(91);
      network.fund(payer.address(), 1);
      Address payTo = LocalNetwork.User.of(92).address();
      try (CroGasNode node =
          CroGasNode.start(
              network
                  .config(1, dir.resolve("priced.db"))
                  .settleWait(Duration.ofSeconds(1))
                  .build())) {
        Address relayer = node.relayers().get(0);
        network.rpc("evm_setAutomine", "[false]");
        CompletableFuture<SettleOutcome> settling =
            CompletableFuture.supplyAsync(
                () -> node.settler().settle(Payments.payment(payer, payTo, node.usdc(), 0)));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> ConcurrencyTest.transactionCount(network, relayer, "pending") == 1);

        // The next block's base fee is four times the one the settlement was bid on (125% of it).
        BigInteger base = baseFee(network);
        network.rpc(
            "anvil_setNextBlockBaseFeePerGas",
            "[\"0x" + base.multiply(BigInteger.valueOf(4)).toString(16) + "\"]");
        network.rpc("evm_mine", "[]");
        assertThat(ConcurrencyTest.transactionCount(network, relayer))
            .as("priced out of the block")
            .isZero();
        if (rebidRefusedFirst) {
          // The block after next will charge 16 times the base fee, more than the re-bid (which
          // follows the latest block's) offers: the node refuses it for its fee cap, as nodes do
          // when full blocks raise the base fee between a read and a send.
          network.rpc(
              "anvil_setNextBlockBaseFeePerGas",
              "[\"0x" + base.multiply(BigInteger.valueOf(16)).toString(16) + "\"]");
          await().atMost(Duration.ofSeconds(10)).until(() -> only(node).txHashes().size() >= 2);
          assertThat(ConcurrencyTest.transactionCount(network, relayer)).isZero();
        }
        network.rpc("evm_setIntervalMining", "[1]");

        // The replacement period is 30 s; a re-bid comes a tenth of it after the send.
        await().atMost(Duration.ofSeconds(15)).until(() -> only(node).state().isFinal());
        settling.join();
        RelayRecord record = only(node);
        assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
        assertThat(record.txHashes()).as("a re-bid was sent for the nonce").hasSizeGreaterThan(1);
        assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
            .isEqualTo(Payments.VALUE);
        assertThat(ConcurrencyTest.transactionCount(network, relayer)).isEqualTo(1);
      }
    }
  }

  private static BigInteger baseFee(LocalNetwork network) throws Exception {
    String hex =
        JSON.readTree(network.anvil.rpc("eth_getBlockByNumber", "[\"latest\",false]"))
            .get("result")
            .get("baseFeePerGas")
            .asText();
    return new BigInteger(hex.substring(2), 16);
  }

  private static RelayRecord only(CroGasNode node) {
    return NodeInternals.journal(node).recent(Optional.empty(), 2).get(0);
  }
}
