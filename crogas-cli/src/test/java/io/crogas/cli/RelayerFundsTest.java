package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the relayer's CRO through the relay path, on a real chain with the real contracts and
 * the {@code HostileTarget} adversary: the relayer never pays more than the quote it charged for,
 * and a request that cannot succeed is refused before any transaction.
 */
class RelayerFundsTest {
  private static LocalNetwork network;
  private static CroGasNode node;
  private static Address hostile;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    network = LocalNetwork.start();
    node = CroGasNode.start(network.config(1, dir.resolve("crogas.db")).build());
    hostile = network.deploy(ContractArtifacts.HOSTILE_TARGET);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    network.close();
  }

  @Test
  void
      givenATargetThatBurnsGasOnlyInsideTheRelayersTransaction_whenRelayed_thenTheRelayerPaysAtMostTheQuote()
          throws Exception {
    LocalNetwork.User attacker = LocalNetwork.User.of(4_001);
    network.fund(attacker.address(), 10);
    FeeQuote quote =
        quote(attacker, hostile, LocalNetwork.abiCall("burnWhenRelayed()"), Optional.empty());

    assertRelayerPaysAtMost(
        quote, () -> node.relay().submit(new SubmitRelayCommand(signed(attacker, quote))));
  }

  @Test
  void givenATargetArmedAfterTheQuote_whenRelayed_thenTheRelayerPaysAtMostTheQuote()
      throws Exception {
    LocalNetwork.User attacker = LocalNetwork.User.of(4_002);
    network.fund(attacker.address(), 10);
    FeeQuote quote =
        quote(attacker, hostile, LocalNetwork.abiCall("burnWhenArmed()"), Optional.empty());
    network.transactAhead(hostile, LocalNetwork.abiCall("arm(bool)", 1));
    try {
      assertRelayerPaysAtMost(
          quote, () -> node.relay().submit(new SubmitRelayCommand(signed(attacker, quote))));
    } finally {
      network.transactAhead(hostile, LocalNetwork.abiCall("arm(bool)", 0));
    }
  }

  @Test
  void givenADeadlineOneSecondAway_whenQuotedOrSubmitted_thenRefusedBeforeAnyTransaction() {
    LocalNetwork.User user = LocalNetwork.User.of(4_003);
    network.fund(user.address(), 10);
    long now = Instant.now().getEpochSecond();
    Wei spentBefore = relayerBalance();

    QuoteOutcome tooShort =
        node.quotes()
            .quote(
                new QuoteRelayCommand(
                    user.address(),
                    network.deployment.demoTarget(),
                    LocalNetwork.store(5),
                    "normal",
                    Optional.of(BigInteger.valueOf(now + 1))));
    MetaTransaction call =
        new MetaTransaction(
            network.deployment.demoTarget(),
            LocalNetwork.store(5),
            "normal",
            BigInteger.ZERO,
            BigInteger.valueOf(now + 5));
    SubmitOutcome submitted =
        node.relay()
            .submit(new SubmitRelayCommand(signed(user, call, BigInteger.valueOf(1_000_000))));

    assertThat(tooShort).isInstanceOf(QuoteOutcome.Refused.class);
    assertThat(((QuoteOutcome.Refused) tooShort).rejection().code())
        .isEqualTo(RejectionCode.EXPIRED);
    assertThat(submitted).isInstanceOf(SubmitOutcome.Rejected.class);
    assertThat(((SubmitOutcome.Rejected) submitted).rejection().code())
        .isEqualTo(RejectionCode.EXPIRED);
    assertThat(relayerBalance()).isEqualTo(spentBefore);
  }

  @Test
  void
      givenEightCallsSignedWithOneNonce_whenSubmittedInParallel_thenOneIsAcceptedAndNothingReverts()
          throws Exception {
    LocalNetwork.User user = LocalNetwork.User.of(4_004);
    network.fund(user.address(), 10);
    List<RelayRequest> requests = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      FeeQuote quote =
          quote(
              user, network.deployment.demoTarget(), LocalNetwork.store(100 + k), Optional.empty());
      assertThat(quote.metaTransaction().nonce()).isZero();
      requests.add(signed(user, quote));
    }
    ExecutorService clients = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<SubmitOutcome>> futures = new ArrayList<>();
    for (RelayRequest request : requests) {
      futures.add(
          clients.submit(
              () -> {
                go.await();
                return node.relay().submit(new SubmitRelayCommand(request));
              }));
    }
    go.countDown();
    List<SubmitOutcome.Accepted> accepted = new ArrayList<>();
    List<RejectionCode> refused = new ArrayList<>();
    for (Future<SubmitOutcome> future : futures) {
      SubmitOutcome outcome = future.get(60, TimeUnit.SECONDS);
      if (outcome instanceof SubmitOutcome.Accepted a) {
        accepted.add(a);
      } else if (outcome instanceof SubmitOutcome.Rejected r) {
        refused.add(r.rejection().code());
      }
    }
    clients.shutdown();
    List<RelayState> finals = new ArrayList<>();
    for (SubmitOutcome.Accepted a : accepted) {
      finals.add(a.completion().toCompletableFuture().get(60, TimeUnit.SECONDS).state());
    }

    assertThat(finals).containsExactly(RelayState.CONFIRMED);
    assertThat(refused).hasSize(7).containsOnly(RejectionCode.NONCE_MISMATCH);
  }

  interface Submission {
    SubmitOutcome submit();
  }

  /**
   * Whatever happens to the request, the relayer's CRO spent is at most the quoted gas limit times
   * the quoted fee cap, and none of its transactions was given more gas than quoted.
   */
  private void assertRelayerPaysAtMost(FeeQuote quote, Submission attack) throws Exception {
    Wei before = relayerBalance();
    long nonceBefore = relayerNonce();

    SubmitOutcome outcome = attack.submit();
    if (outcome instanceof SubmitOutcome.Accepted accepted) {
      RelayRecord done = accepted.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(done.state()).isIn(RelayState.CONFIRMED, RelayState.FAILED);
    }

    BigInteger spent = before.value().subtract(relayerBalance().value());
    assertThat(spent).isLessThanOrEqualTo(quote.maxFeePerGas().times(quote.gasLimit()).value());
    for (long n = nonceBefore; n < relayerNonce(); n++) {
      assertThat(relayerTransactionGas(n)).isLessThanOrEqualTo(quote.gasLimit());
    }
  }

  private FeeQuote quote(
      LocalNetwork.User user, Address target, Calldata data, Optional<BigInteger> deadline) {
    QuoteOutcome outcome =
        node.quotes()
            .quote(new QuoteRelayCommand(user.address(), target, data, "normal", deadline));
    assertThat(outcome).isInstanceOf(QuoteOutcome.Quoted.class);
    return ((QuoteOutcome.Quoted) outcome).quote();
  }

  private RelayRequest signed(LocalNetwork.User user, FeeQuote quote) {
    return user.paying(quote, node.usdc());
  }

  private RelayRequest signed(LocalNetwork.User user, MetaTransaction call, BigInteger fee) {
    TransferAuthorization authorization =
        new TransferAuthorization(
            user.address(),
            node.forwarder().forwarder(),
            fee,
            BigInteger.ZERO,
            call.deadline(),
            call.digest(node.forwarder()));
    return new RelayRequest(
        user.address(),
        call,
        user.sign(call.digest(node.forwarder())),
        Optional.of(
            new SignedAuthorization(
                authorization, user.sign(authorization.receiveDigest(node.usdc())))));
  }

  private Wei relayerBalance() {
    return NodeInternals.chain(node).nativeBalance(node.relayers().get(0));
  }

  private long relayerNonce() {
    return hexLong(
        network.anvil.rpc(
            "eth_getTransactionCount", "[\"" + node.relayers().get(0) + "\",\"latest\"]"));
  }

  /** The gas limit of the relayer's mined transaction with {@code nonce}. */
  private BigInteger relayerTransactionGas(long nonce) {
    long latest = hexLong(network.anvil.rpc("eth_blockNumber", "[]"));
    for (long block = latest; block >= 0; block--) {
      String body =
          network.anvil.rpc("eth_getBlockByNumber", "[\"0x" + Long.toHexString(block) + "\",true]");
      String from = "\"from\":\"" + node.relayers().get(0).value().toLowerCase() + "\"";
      String nonceField = "\"nonce\":\"0x" + Long.toHexString(nonce) + "\"";
      for (String tx : body.split("\\},\\{")) {
        if (tx.toLowerCase().contains(from) && tx.contains(nonceField)) {
          return new BigInteger(tx.replaceAll(".*\"gas\":\"0x([0-9a-fA-F]+)\".*", "$1"), 16);
        }
      }
    }
    throw new AssertionError("no mined transaction of the relayer with nonce " + nonce);
  }

  private static long hexLong(String answer) {
    return Long.parseLong(answer.replaceAll(".*\"result\":\"0x([0-9a-fA-F]+)\".*", "$1"), 16);
  }
}
