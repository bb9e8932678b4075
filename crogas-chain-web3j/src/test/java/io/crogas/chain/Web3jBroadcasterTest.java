package io.crogas.chain;

import static io.crogas.chain.LocalCroGas.FEE_RECIPIENT;
import static io.crogas.chain.LocalCroGas.RELAYER;
import static io.crogas.chain.LocalCroGas.STRANGER;
import static io.crogas.chain.LocalCroGas.USER;
import static io.crogas.chain.LocalCroGas.store;
import static io.crogas.chain.StubNode.error;
import static io.crogas.chain.StubNode.result;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.port.out.Chain.Simulation;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed by {@link KeystoreRelayerSigner}, sent by {@link Web3jBroadcaster} to a real anvil 1.7.1
 * with the CroGas contracts; every {@link SendResult} anvil can produce is provoked for real.
 */
class Web3jBroadcasterTest {
  private static final BigInteger FUNDS = BigInteger.valueOf(5_000_000);
  private static final BigInteger FEE = BigInteger.valueOf(250_000);
  private static final Wei TIP = Wei.gwei(1);
  // An account anvil never funded: it cannot pay for gas.
  private static final String PENNILESS_KEY = "0x" + "11".repeat(32);
  private static final Address PENNILESS =
      KeystoreRelayerSigner.fromPrivateKeys(List.of(PENNILESS_KEY), Clock.systemUTC())
          .addresses()
          .get(0);
  private static final Hash32 SOME_HASH = new Hash32("0x" + "ab".repeat(32));

  private static LocalCroGas local;
  private static Web3jChain chain;
  private static Web3jBroadcaster broadcaster;
  private static KeystoreRelayerSigner pool;

  @BeforeAll
  static void deployAndFund() {
    local = LocalCroGas.start();
    chain = local.chain();
    broadcaster = new Web3jBroadcaster(local.rpc);
    pool =
        KeystoreRelayerSigner.fromPrivateKeys(
            List.of(DEV_KEYS.get(1), DEV_KEYS.get(4), PENNILESS_KEY), Clock.systemUTC());
    local.contracts.mint(local.deployment.usdc(), USER, FUNDS);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenAPaidMetaTransaction_whenSignedAndSent_thenItIsMinedAndTheFeeMoves() {
    MetaTransaction meta = local.metaTransaction(store(77), chain.forwarderNonce(USER));
    RelayJob.ForwarderCall job = local.paidCall(meta, FEE);
    Wei relayerBefore = chain.nativeBalance(RELAYER);
    BigInteger recipientBefore = usdc(FEE_RECIPIENT);
    BigInteger userBefore = usdc(USER);
    long nonce = broadcaster.pendingNonce(RELAYER);

    SignedTransaction signed = pool.sign(draft(RELAYER, nonce, job, true));

    assertThat(broadcaster.send(signed)).isEqualTo(new SendResult.Accepted());
    Receipt receipt = mined(signed);
    assertThat(receipt.success()).isTrue();
    assertThat(receipt.txHash()).isEqualTo(signed.hash());
    assertThat(receipt.effectiveGasPrice()).isLessThanOrEqualTo(signed.maxFeePerGas());
    assertThat(usdc(FEE_RECIPIENT)).isEqualTo(recipientBefore.add(FEE));
    assertThat(usdc(USER)).isEqualTo(userBefore.subtract(FEE));
    assertThat(chain.nativeBalance(RELAYER).plus(receipt.gasCost())).isEqualTo(relayerBefore);
    assertThat(broadcaster.minedNonce(RELAYER)).isEqualTo(nonce + 1);
  }

  @Test
  void givenAnX402Authorization_whenSettledThroughTheBroadcaster_thenThePayeeIsPaid() {
    Address payee = Address.parse("0x00000000000000000000000000000000000000b1");
    Hash32 authorization = new Hash32("0x" + "c4".repeat(32));
    RelayJob.TokenTransfer job =
        new RelayJob.TokenTransfer(
            local.token(), local.transfer(payee, BigInteger.valueOf(1_234), authorization));

    SignedTransaction signed =
        pool.sign(draft(RELAYER, broadcaster.pendingNonce(RELAYER), job, true));

    assertThat(broadcaster.send(signed)).isEqualTo(new SendResult.Accepted());
    assertThat(mined(signed).success()).isTrue();
    assertThat(usdc(payee)).isEqualTo(BigInteger.valueOf(1_234));
    assertThat(chain.authorizationUsed(local.deployment.usdc(), USER, authorization)).isTrue();
  }

  @Test
  void givenAGapFiller_whenSent_thenItUsesTheNonceWithAPlainTransfer() {
    long nonce = broadcaster.pendingNonce(STRANGER);
    SignedTransaction filler = pool.sign(gapFiller(STRANGER, nonce, true));

    assertThat(broadcaster.send(filler)).isEqualTo(new SendResult.Accepted());

    Receipt receipt = mined(filler);
    assertThat(receipt.success()).isTrue();
    assertThat(receipt.gasUsed()).isEqualTo(TransactionDraft.TRANSFER_GAS);
    assertThat(broadcaster.minedNonce(STRANGER)).isEqualTo(nonce + 1);
  }

  @Test
  void givenALegacyDraft_whenSent_thenAnvilTakesItAndChargesTheGasPrice() {
    SignedTransaction legacy =
        pool.sign(gapFiller(STRANGER, broadcaster.pendingNonce(STRANGER), false));

    assertThat(broadcaster.send(legacy)).isEqualTo(new SendResult.Accepted());

    Receipt receipt = mined(legacy);
    assertThat(receipt.txHash()).isEqualTo(legacy.hash());
    assertThat(receipt.effectiveGasPrice()).isEqualTo(legacy.maxFeePerGas());
  }

  @Test
  void givenAMinedTransaction_whenItsBytesOrItsNonceAreSentAgain_thenAnvilSaysNonceTooLow() {
    long nonce = broadcaster.pendingNonce(STRANGER);
    SignedTransaction first = pool.sign(gapFiller(STRANGER, nonce, true));
    broadcaster.send(first);
    mined(first);
    TransactionDraft again = gapFiller(STRANGER, nonce, true);
    SignedTransaction other = pool.sign(again.withFees(again.maxFeePerGas().plus(TIP), TIP));

    // anvil 1.7.1: "nonce too low" for both; the very same bytes are not "already known" once
    // mined.
    assertThat(broadcaster.send(first)).isEqualTo(new SendResult.NonceTooLow());
    assertThat(broadcaster.send(other)).isEqualTo(new SendResult.NonceTooLow());
  }

  @Test
  void givenAPooledTransaction_whenItIsSentAgainOrUnderbid_thenAlreadyKnownAndUnderpriced() {
    long nonce = broadcaster.pendingNonce(STRANGER);
    TransactionDraft draft = gapFiller(STRANGER, nonce, true);
    SignedTransaction first = pool.sign(draft);
    SignedTransaction bumped;
    automine(false);
    try {
      assertThat(broadcaster.send(first)).isEqualTo(new SendResult.Accepted());
      assertThat(broadcaster.pendingNonce(STRANGER)).isEqualTo(nonce + 1);
      assertThat(broadcaster.minedNonce(STRANGER)).isEqualTo(nonce);
      assertThat(broadcaster.receipt(first.hash())).isEmpty();

      // anvil 1.7.1: "transaction already imported"
      assertThat(broadcaster.send(first)).isEqualTo(new SendResult.AlreadyKnown());
      // anvil 1.7.1: "replacement transaction underpriced", for a lower and for an equal fee
      Wei lower = new Wei(draft.maxFeePerGas().value().subtract(BigInteger.ONE));
      assertThat(broadcaster.send(pool.sign(draft.withFees(lower, TIP))))
          .isEqualTo(new SendResult.Underpriced());
      assertThat(broadcaster.send(pool.sign(withGas(draft, 22_000))))
          .isEqualTo(new SendResult.Underpriced());

      bumped = pool.sign(draft.withFees(draft.maxFeePerGas().plus(Wei.gwei(1)), Wei.gwei(2)));
      assertThat(broadcaster.send(bumped)).isEqualTo(new SendResult.Accepted());
    } finally {
      automine(true);
      local.anvil.rpc("evm_mine", "[]");
    }
    assertThat(mined(bumped).success()).isTrue();
    assertThat(broadcaster.receipt(first.hash())).isEmpty();
  }

  @Test
  void givenAnAccountWithoutCro_whenItSends_thenInsufficientFunds() {
    assertThat(chain.nativeBalance(PENNILESS)).isEqualTo(Wei.ZERO);

    // anvil 1.7.1: "Insufficient funds for gas * price + value"
    assertThat(broadcaster.send(pool.sign(gapFiller(PENNILESS, 0, true))))
        .isEqualTo(new SendResult.InsufficientFunds());
  }

  @Test
  void givenAGasLimitOutsideWhatATransferAndABlockAllow_whenSent_thenRejectedWithAnvilsReason() {
    long nonce = broadcaster.pendingNonce(STRANGER);

    assertThat(broadcaster.send(pool.sign(withGas(gapFiller(STRANGER, nonce, true), 20_000))))
        .isEqualTo(new SendResult.Rejected("intrinsic gas too low"));
    assertThat(broadcaster.send(pool.sign(withGas(gapFiller(STRANGER, nonce, true), 100_000_000))))
        .isEqualTo(
            new SendResult.Rejected(
                "intrinsic gas too high -- tx.gas_limit > env.block.gas_limit"));
  }

  @Test
  void givenAFeeCapBelowTheBaseFee_whenSent_thenRejectedWithAnvilsReason() {
    TransactionDraft filler = gapFiller(STRANGER, broadcaster.pendingNonce(STRANGER), true);

    assertThat(broadcaster.send(pool.sign(filler.withFees(Wei.of(1), Wei.of(1)))))
        .isEqualTo(new SendResult.Rejected("max fee per gas less than block base fee"));
  }

  @Test
  void givenNothingListens_whenSending_thenUnreachableAndReadsThrow() throws IOException {
    SignedTransaction signed = pool.sign(gapFiller(STRANGER, 0, true));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (JsonRpc rpc = JsonRpc.connect("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2))) {
      Web3jBroadcaster away = new Web3jBroadcaster(rpc);

      assertThat(away.send(signed)).isInstanceOf(SendResult.Unreachable.class);
      assertThatThrownBy(() -> away.receipt(signed.hash()))
          .isInstanceOf(ChainUnavailableException.class);
      assertThatThrownBy(() -> away.minedNonce(STRANGER))
          .isInstanceOf(ChainUnavailableException.class);
      assertThatThrownBy(() -> away.pendingNonce(STRANGER))
          .isInstanceOf(ChainUnavailableException.class);
    }
  }

  @Test
  void givenANodeThatNeverAnswers_whenSending_thenUnreachableWithinTheTimeout() {
    SignedTransaction signed = pool.sign(gapFiller(STRANGER, 0, true));
    try (StubNode node = StubNode.silent();
        JsonRpc rpc = node.rpc(Duration.ofMillis(300))) {
      Instant started = Instant.now();

      assertThat(new Web3jBroadcaster(rpc).send(signed)).isInstanceOf(SendResult.Unreachable.class);
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void givenGethsAmbiguousUnderpriced_whenTheNonceIsTaken_thenUnderpricedElseRejected() {
    SignedTransaction signed = pool.sign(gapFiller(STRANGER, 5, true));

    assertThat(sendTo(error("transaction underpriced"), "\"0x6\"", signed))
        .isEqualTo(new SendResult.Underpriced());
    assertThat(sendTo(error("transaction underpriced"), "\"0x5\"", signed))
        .isEqualTo(new SendResult.Rejected("transaction underpriced"));
  }

  @Test
  void givenAFullPoolOrAForeignHash_whenSending_thenUnreachableSoTheSameBytesGoAgainLater() {
    SignedTransaction signed = pool.sign(gapFiller(STRANGER, 5, true));

    assertThat(sendTo(error("txpool is full"), "\"0x5\"", signed))
        .isInstanceOf(SendResult.Unreachable.class);
    assertThat(sendTo(result("\"" + SOME_HASH + "\""), "\"0x5\"", signed))
        .isInstanceOf(SendResult.Unreachable.class);
    assertThat(sendTo(result("\"" + signed.hash() + "\""), "\"0x5\"", signed))
        .isEqualTo(new SendResult.Accepted());
  }

  private static SendResult sendTo(String sendAnswer, String pendingNonce, SignedTransaction tx) {
    try (StubNode node =
            StubNode.answering(
                Map.of(
                    "eth_sendRawTransaction",
                    sendAnswer,
                    "eth_getTransactionCount",
                    result(pendingNonce)));
        JsonRpc rpc = node.rpc(Duration.ofSeconds(2))) {
      return new Web3jBroadcaster(rpc).send(tx);
    }
  }

  private static TransactionDraft draft(
      Address relayer, long nonce, RelayJob job, boolean eip1559) {
    Simulation simulation = chain.simulate(job);
    assertThat(simulation).isInstanceOf(Simulation.Succeeds.class);
    BigInteger gas =
        ((Simulation.Succeeds) simulation).gas().multiply(BigInteger.valueOf(3)).shiftRight(1);
    return new TransactionDraft(
        relayer, local.profile.chainId(), nonce, Optional.of(job), gas, feeCap(), TIP, eip1559);
  }

  private static TransactionDraft gapFiller(Address relayer, long nonce, boolean eip1559) {
    return TransactionDraft.gapFiller(
        relayer, local.profile.chainId(), nonce, feeCap(), TIP, eip1559);
  }

  private static TransactionDraft withGas(TransactionDraft draft, long gas) {
    return new TransactionDraft(
        draft.relayer(),
        draft.chainId(),
        draft.nonce(),
        draft.job(),
        BigInteger.valueOf(gas),
        draft.maxFeePerGas(),
        draft.tip(),
        draft.eip1559());
  }

  private static Wei feeCap() {
    FeeMarket market = chain.feeMarket();
    return market.baseFee().times(BigInteger.TWO).plus(TIP);
  }

  private static Receipt mined(SignedTransaction signed) {
    return await("a receipt for " + signed.hash())
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> broadcaster.receipt(signed.hash()), Optional::isPresent)
        .orElseThrow();
  }

  private static void automine(boolean on) {
    assertThat(local.anvil.rpc("evm_setAutomine", "[" + on + "]")).contains("\"result\"");
  }

  private static BigInteger usdc(Address owner) {
    return chain.tokenBalance(local.deployment.usdc(), owner);
  }
}
