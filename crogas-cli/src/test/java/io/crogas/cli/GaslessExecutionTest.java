package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.eip712.Keccak256;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on a real chain: quote, sign both documents, submit, one atomic transaction. */
class GaslessExecutionTest {
  private static LocalNetwork network;
  private static CroGasNode node;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    network = LocalNetwork.start();
    node = CroGasNode.start(network.config(1, dir.resolve("crogas.db")).build());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    network.close();
  }

  private FeeQuote quote(LocalNetwork.User user, long value) {
    return Relays.quote(node, network, user, value);
  }

  private RelayRequest signed(LocalNetwork.User user, FeeQuote quote) {
    return user.paying(quote, node.usdc());
  }

  @Test
  void givenAUserWithUsdcAndNoCro_whenTheyRelayACall_thenTheFeeMovesAndTheTargetSeesTheUser()
      throws Exception {
    LocalNetwork.User user = LocalNetwork.User.of(1);
    network.fund(user.address(), 10);
    BigInteger feesBefore =
        NodeInternals.chain(node).tokenBalance(node.usdc().token(), LocalNetwork.FEE_RECIPIENT);
    FeeQuote quote = quote(user, 42);

    SubmitOutcome outcome = node.relay().submit(new SubmitRelayCommand(signed(user, quote)));

    assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
    RelayRecord done =
        ((SubmitOutcome.Accepted) outcome)
            .completion()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(done.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(
            NodeInternals.chain(node).tokenBalance(node.usdc().token(), LocalNetwork.FEE_RECIPIENT))
        .isEqualTo(feesBefore.add(quote.amount().atomic()));
    byte[] sender = network.call(network.deployment.demoTarget(), "lastSender()");
    assertThat(Address.of(Arrays.copyOfRange(sender, 12, 32))).isEqualTo(user.address());
    assertThat(new BigInteger(1, network.call(network.deployment.demoTarget(), "lastValue()")))
        .isEqualTo(BigInteger.valueOf(42));
    assertThat(NodeInternals.chain(node).forwarderNonce(user.address())).isEqualTo(BigInteger.ONE);
    assertThat(NodeInternals.journal(node).find(done.id()).orElseThrow().history())
        .extracting(e -> e.state())
        .containsExactly(
            RelayState.RECEIVED, RelayState.VALIDATED, RelayState.SUBMITTED, RelayState.CONFIRMED);
    assertThat(done.receipt().orElseThrow().success()).isTrue();
  }

  @Test
  void givenTheSameSignedRequestTwice_whenSubmitted_thenExecutedOnce() throws Exception {
    LocalNetwork.User user = LocalNetwork.User.of(2);
    network.fund(user.address(), 10);
    RelayRequest request = signed(user, quote(user, 7));

    SubmitOutcome first = node.relay().submit(new SubmitRelayCommand(request));
    ((SubmitOutcome.Accepted) first).completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    SubmitOutcome second = node.relay().submit(new SubmitRelayCommand(request));

    assertThat(second).isInstanceOf(SubmitOutcome.Existing.class);
    assertThat(NodeInternals.chain(node).forwarderNonce(user.address())).isEqualTo(BigInteger.ONE);
  }

  @Test
  void givenBadRequests_whenSubmitted_thenRefusedBeforeAnyTransactionIsSent() {
    LocalNetwork.User poor = LocalNetwork.User.of(3);
    network.fund(poor.address(), 0);
    long relayerNonce = relayerNonce();

    RelayRequest unpaid = signed(poor, quote(poor, 1));
    QuoteOutcome reverting =
        node.quotes()
            .quote(
                new QuoteRelayCommand(
                    poor.address(),
                    network.deployment.demoTarget(),
                    LocalNetwork.store(13),
                    "normal",
                    Optional.empty()));

    assertThat(rejection(node.relay().submit(new SubmitRelayCommand(unpaid))))
        .isEqualTo(RejectionCode.INSUFFICIENT_BALANCE);
    assertThat(reverting).isInstanceOf(QuoteOutcome.Refused.class);
    assertThat(((QuoteOutcome.Refused) reverting).rejection().code())
        .isEqualTo(RejectionCode.SIMULATION_FAILED);
    assertThat(((QuoteOutcome.Refused) reverting).rejection().message())
        .contains("UnluckyValue(13)");
    assertThat(relayerNonce()).isEqualTo(relayerNonce);
  }

  @Test
  void givenAnX402Payment_whenSettledTwice_thenOneTransferAndTheSecondIsADuplicateWithTheHash() {
    LocalNetwork.User payer = LocalNetwork.User.of(4);
    network.fund(payer.address(), 10);
    Address payTo = LocalNetwork.User.of(99).address();
    TransferAuthorization authorization =
        new TransferAuthorization(
            payer.address(),
            payTo,
            BigInteger.valueOf(250_000),
            BigInteger.ZERO,
            BigInteger.valueOf(Instant.now().getEpochSecond() + 600),
            Hash32.of(Keccak256.hash(new byte[] {4, 0, 2})));
    SignedAuthorization payment =
        new SignedAuthorization(
            authorization, payer.sign(authorization.transferDigest(node.usdc())));
    SettlePaymentCommand command =
        new SettlePaymentCommand(
            new PaymentPayload(2, "exact", "eip155:338", payment),
            new PaymentRequirements(
                "exact",
                "eip155:338",
                BigInteger.valueOf(250_000),
                node.usdc().token(),
                payTo,
                60,
                Optional.of(node.usdc().name()),
                Optional.of(node.usdc().version())));

    SettleOutcome first = node.settler().settle(command);
    SettleOutcome again = node.settler().settle(command);

    assertThat(first).isInstanceOf(SettleOutcome.Settled.class);
    assertThat(again).isInstanceOf(SettleOutcome.Duplicate.class);
    assertThat(((SettleOutcome.Duplicate) again).transaction())
        .contains(((SettleOutcome.Settled) first).transaction());
    assertThat(NodeInternals.chain(node).tokenBalance(node.usdc().token(), payTo))
        .isEqualTo(BigInteger.valueOf(250_000));
    assertThat(
            NodeInternals.chain(node)
                .authorizationUsed(node.usdc().token(), payer.address(), authorization.nonce()))
        .isTrue();
  }

  private long relayerNonce() {
    String answer =
        network.anvil.rpc(
            "eth_getTransactionCount", "[\"" + node.relayers().get(0) + "\",\"pending\"]");
    return Long.parseLong(answer.replaceAll(".*\"result\":\"0x([0-9a-fA-F]+)\".*", "$1"), 16);
  }

  private static RejectionCode rejection(SubmitOutcome outcome) {
    assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
    return ((SubmitOutcome.Rejected) outcome).rejection().code();
  }
}
