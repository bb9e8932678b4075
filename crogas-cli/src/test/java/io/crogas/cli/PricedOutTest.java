package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeDefaults;
import io.crogas.node.NodeInternals;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settlement whose fee cap the base fee has passed (a run of full blocks raises it 12.5% each)
 * cannot be mined until the base fee falls, and holds back every later nonce of its key: the watch
 * re-bids it as soon as it sees that, not after the replacement period (30 s by default), and the
 * payment still moves once. One refused in a spike no re-bid could follow is sent again as soon as
 * the spike has passed.
 */
class PricedOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void givenASettlementTheBaseFeeOutgrew_whenWatched_thenRebidAndMinedWellBeforeReplaceAfter()
      throws Exception {
    settles(
        (network, node, base) -> pricedOut(network, node, base),
        hashes -> assertThat(hashes).as("a re-bid was sent for the nonce").hasSizeGreaterThan(1));
  }

  @Test
  void givenAPricedOutSettlementWhoseFirstRebidIsRefused_whenWatched_thenRebidAgainAndMined()
      throws Exception {
    settles(
        (network, node, base) -> {
          pricedOut(network, node, base);
          // The block after next will charge 16 times the base fee, more than the re-bid (which
          // follows the latest block's) offers: the node refuses it for its fee cap, as nodes do
          // when full blocks raise the base fee between a read and a send.
          network.rpc(
              "anvil_setNextBlockBaseFeePerGas", hex(base.multiply(BigInteger.valueOf(16))));
          await().atMost(Duration.ofSeconds(10)).until(() -> only(node).txHashes().size() >= 2);
          assertThat(ConcurrencyTest.transactionCount(network, node.relayers().get(0))).isZero();
        },
        hashes -> assertThat(hashes).as("a re-bid was sent for the nonce").hasSizeGreaterThan(1));
  }

  @Test
  void
      givenASettlementRefusedInASpikeNoRebidCanFollow_whenItPasses_thenResentWellBeforeReplaceAfter()
          throws Exception {
    settles(
        (network, node, base) -> {
          // Four times the relayer's fee ceiling, so no re-bid can follow: the node drops the
          // transaction, and refuses its bytes when the watch sends them again (a tenth of the
          // replacement period after the send).
          network.rpc(
              "anvil_setNextBlockBaseFeePerGas",
              hex(NodeDefaults.REPLACEMENT.ceiling().value().multiply(BigInteger.valueOf(4))));
          network.rpc("evm_mine", "[]");
          await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
          assertThat(ConcurrencyTest.transactionCount(network, node.relayers().get(0), "pending"))
              .as("dropped, and refused when sent again")
              .isZero();
          // The spike passes; the refusal must not hold the nonce for the rest of the period.
          network.rpc("anvil_setNextBlockBaseFeePerGas", hex(base));
          network.rpc("evm_mine", "[]");
        },
        hashes -> assertThat(hashes).as("the same bytes, taken again").hasSize(1));
  }

  /** What happens to the chain while the settlement is pending, before blocks come every second. */
  private interface Scenario {
    void play(LocalNetwork network, CroGasNode node, BigInteger baseFee) throws Exception;
  }

  private void settles(Scenario scenario, Consumer<List<String>> hashes) throws Exception {
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

        scenario.play(network, node, baseFee(network));
        network.rpc("evm_setIntervalMining", "[1]");

        // The replacement period is 30 s; a re-bid or a re-send comes a tenth of it after a send.
        await().atMost(Duration.ofSeconds(15)).until(() -> only(node).state().isFinal());
        settling.join();
        RelayRecord record = only(node);
        assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
        hashes.accept(record.txHashes().stream().map(Object::toString).toList());
        assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
            .isEqualTo(Payments.VALUE);
        assertThat(ConcurrencyTest.transactionCount(network, relayer)).isEqualTo(1);
      }
    }
  }

  /** The next block's base fee is four times the one the settlement was bid on (125% of it). */
  private static void pricedOut(LocalNetwork network, CroGasNode node, BigInteger base)
      throws Exception {
    network.rpc("anvil_setNextBlockBaseFeePerGas", hex(base.multiply(BigInteger.valueOf(4))));
    network.rpc("evm_mine", "[]");
    assertThat(ConcurrencyTest.transactionCount(network, node.relayers().get(0)))
        .as("priced out of the block")
        .isZero();
  }

  private static String hex(BigInteger value) {
    return "[\"0x" + value.toString(16) + "\"]";
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
