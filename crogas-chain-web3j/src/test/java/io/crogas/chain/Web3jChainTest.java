package io.crogas.chain;

import static io.crogas.chain.LocalCroGas.DEPLOYER;
import static io.crogas.chain.LocalCroGas.FEE_RECIPIENT;
import static io.crogas.chain.LocalCroGas.RELAYER;
import static io.crogas.chain.LocalCroGas.STRANGER;
import static io.crogas.chain.LocalCroGas.USER;
import static io.crogas.chain.LocalCroGas.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Chain.Simulation;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Web3jChainTest {
  private static final BigInteger MINTED = BigInteger.valueOf(50_000_000);
  private static final Address HOLDER = Address.parse("0x00000000000000000000000000000000000000e0");
  private static LocalCroGas local;
  private static Web3jChain chain;

  @BeforeAll
  static void deployAndFund() {
    local = LocalCroGas.start();
    chain = local.chain();
    local.contracts.mint(local.deployment.usdc(), USER, MINTED);
    local.contracts.mint(local.deployment.usdc(), HOLDER, MINTED);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenDeployedContracts_whenReadingTheBlockNumber_thenItCountsTheDeployments() {
    assertThat(chain.blockNumber()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void givenAFreshUser_whenReadingTheForwarderNonce_thenItIsZero() {
    assertThat(chain.forwarderNonce(STRANGER)).isZero();
  }

  @Test
  void givenMintedUsdc_whenReadingBalances_thenTheyMatchTheMint() {
    assertThat(chain.tokenBalance(local.deployment.usdc(), HOLDER)).isEqualTo(MINTED);
    assertThat(chain.tokenBalance(local.deployment.usdc(), STRANGER)).isZero();
  }

  @Test
  void givenAnvilDevAccounts_whenReadingNativeBalances_thenTheFundedOneHasCro() {
    assertThat(chain.nativeBalance(RELAYER)).isGreaterThan(Wei.gwei(1_000_000_000L));
    assertThat(chain.nativeBalance(Address.parse("0x000000000000000000000000000000000000dEaD")))
        .isEqualTo(Wei.ZERO);
  }

  @Test
  void givenAnAuthorization_whenItIsSettled_thenItReadsAsUsed() {
    Hash32 nonce = new Hash32("0x" + "ab".repeat(32));
    Address payee = Address.parse("0x00000000000000000000000000000000000000b0");
    SignedAuthorization transfer = local.transfer(payee, BigInteger.ONE, nonce);
    assertThat(chain.authorizationUsed(local.deployment.usdc(), USER, nonce)).isFalse();

    local.relayerKey.send(local.deployment.usdc(), TokenCalls.transferWithAuthorization(transfer));

    assertThat(chain.authorizationUsed(local.deployment.usdc(), USER, nonce)).isTrue();
    assertThat(chain.tokenBalance(local.deployment.usdc(), payee)).isEqualTo(BigInteger.ONE);
  }

  @Test
  void givenAnvil_whenReadingTheFeeMarketPerProfile_thenEachProfileAsksItsOwnQuestion() {
    FeeMarket eip1559 = chain.feeMarket();
    FeeMarket cronos = chainWith(NetworkProfile.cronos(local.profile.chainId())).feeMarket();
    FeeMarket legacy = chainWith(NetworkProfile.legacy(local.profile.chainId())).feeMarket();

    assertThat(eip1559.eip1559()).isTrue();
    assertThat(eip1559.baseFee().value()).isPositive();
    assertThat(eip1559.suggestedTip().value()).isPositive();
    assertThat(cronos.eip1559()).isTrue();
    assertThat(cronos.suggestedTip()).isEqualTo(Wei.ZERO);
    assertThat(legacy.eip1559()).isFalse();
    assertThat(legacy.baseFee().value()).isPositive();
    assertThat(legacy.suggestedTip()).isEqualTo(Wei.ZERO);
  }

  @Test
  void givenTheUsersCall_whenSimulatedFromTheForwarder_thenItSucceedsWithAGasEstimate() {
    Simulation simulation =
        chain.simulateCall(
            local.deployment.forwarder(), local.deployment.demoTarget(), withSender(store(7)));

    assertThat(simulation).isInstanceOf(Simulation.Succeeds.class);
    assertThat(((Simulation.Succeeds) simulation).gas()).isGreaterThan(BigInteger.valueOf(21_000));
  }

  @Test
  void givenTheUnluckyValue_whenSimulatingTheCall_thenTheCustomErrorIsDecoded() {
    Simulation simulation =
        chain.simulateCall(
            local.deployment.forwarder(), local.deployment.demoTarget(), withSender(store(13)));

    assertThat(simulation).isEqualTo(new Simulation.Reverts("UnluckyValue(13)"));
  }

  @Test
  void givenASignedPaidCall_whenSimulatingTheRelayJob_thenItSucceeds() {
    MetaTransaction meta = local.metaTransaction(store(7), chain.forwarderNonce(USER));

    Simulation simulation = chain.simulate(local.paidCall(meta, BigInteger.valueOf(1_000)));

    assertThat(simulation).isInstanceOf(Simulation.Succeeds.class);
  }

  @Test
  void givenAPaidCallToTheUnluckyValue_whenSimulated_thenTheWrappedTargetErrorIsDecoded() {
    MetaTransaction meta = local.metaTransaction(store(13), chain.forwarderNonce(USER));

    Simulation simulation = chain.simulate(local.paidCall(meta, BigInteger.valueOf(1_000)));

    assertThat(simulation).isEqualTo(new Simulation.Reverts("CallFailed(UnluckyValue(13))"));
  }

  @Test
  void givenAStaleNonce_whenSimulated_thenTheForwarderSaysWhichNonceItExpected() {
    MetaTransaction meta = local.metaTransaction(store(7), BigInteger.valueOf(99));

    Simulation simulation = chain.simulate(local.paidCall(meta, BigInteger.valueOf(1_000)));

    assertThat(simulation).isEqualTo(new Simulation.Reverts("InvalidNonce(" + USER + ", 0, 99)"));
  }

  @Test
  void givenAnX402Transfer_whenSimulated_thenItSucceedsAndAReusedOneIsRefused() {
    Hash32 nonce = new Hash32("0x" + "cd".repeat(32));
    SignedAuthorization transfer = local.transfer(FEE_RECIPIENT, BigInteger.TEN, nonce);
    RelayJob.TokenTransfer job = new RelayJob.TokenTransfer(local.token(), transfer);
    assertThat(chain.simulate(job)).isInstanceOf(Simulation.Succeeds.class);

    local.relayerKey.send(local.deployment.usdc(), TokenCalls.transferWithAuthorization(transfer));

    assertThat(chain.simulate(job))
        .isEqualTo(new Simulation.Reverts("AuthorizationAlreadyUsed(" + USER + ", " + nonce + ")"));
  }

  @Test
  void givenAnX402Transfer_whenItsStateIsRead_thenOneBatchTellsUsedBalanceAndTheRunsVerdict() {
    Hash32 nonce = new Hash32("0x" + "ce".repeat(32));
    SignedAuthorization transfer = local.transfer(FEE_RECIPIENT, BigInteger.TEN, nonce);
    RelayJob.TokenTransfer job = new RelayJob.TokenTransfer(local.token(), transfer);
    BigInteger balance = chain.tokenBalance(local.deployment.usdc(), USER);

    assertThat(chain.paymentState(job))
        .isEqualTo(new Chain.PaymentState(false, balance, Optional.empty()));

    local.relayerKey.send(local.deployment.usdc(), TokenCalls.transferWithAuthorization(transfer));

    assertThat(chain.paymentState(job))
        .isEqualTo(
            new Chain.PaymentState(
                true,
                balance.subtract(BigInteger.TEN),
                Optional.of(
                    new Simulation.Reverts(
                        "AuthorizationAlreadyUsed(" + USER + ", " + nonce + ")"))));
  }

  @Test
  void givenAJobAboutToBeSent_whenItsSendStateIsRead_thenTheBatchSaysWhatTheSingleReadsSay() {
    Hash32 nonce = new Hash32("0x" + "cf".repeat(32));
    SignedAuthorization transfer = local.transfer(FEE_RECIPIENT, BigInteger.TEN, nonce);
    Address usdc = local.deployment.usdc();

    Chain.SendState before = chain.sendState(usdc, USER, nonce, RELAYER);
    local.relayerKey.send(usdc, TokenCalls.transferWithAuthorization(transfer));
    Chain.SendState after = chain.sendState(usdc, USER, nonce, RELAYER);

    assertThat(before.authorizationUsed()).isFalse();
    assertThat(after)
        .isEqualTo(
            new Chain.SendState(
                true,
                chain.tokenBalance(usdc, USER),
                chain.feeMarket(),
                chain.nativeBalance(RELAYER)));
    assertThat(after.payerBalance()).isEqualTo(before.payerBalance().subtract(BigInteger.TEN));
    assertThat(after.relayerBalance()).isLessThan(before.relayerBalance());
  }

  @Test
  void givenATargetThatBurnsGasOnlyWhenRelayed_whenSimulatedAsTheRelayerSends_thenTheBurnShows() {
    Address hostile = local.contracts.deployWithoutArguments(ContractArtifacts.HOSTILE_TARGET);
    Calldata burn = new Calldata("0x" + selector("burnWhenRelayed()"));
    MetaTransaction meta =
        new MetaTransaction(
            hostile, burn, "normal", chain.forwarderNonce(USER), LocalCroGas.inAnHour());

    Simulation fromTheForwarder = chain.simulateCall(local.deployment.forwarder(), hostile, burn);
    Simulation asSent =
        chain.simulate(local.paidCall(meta, BigInteger.valueOf(1_000)), RELAYER, Wei.gwei(10));

    BigInteger cheap = ((Simulation.Succeeds) fromTheForwarder).gas();
    BigInteger relayed = ((Simulation.Succeeds) asSent).gas();
    assertThat(cheap).isLessThan(BigInteger.valueOf(100_000));
    assertThat(relayed).isGreaterThan(BigInteger.valueOf(2_000_000));
  }

  private static String selector(String signature) {
    return java.util.HexFormat.of()
        .formatHex(
            io.crogas.eip712.Keccak256.hash(
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            0,
            4);
  }

  @Test
  void givenNoRelayer_whenSimulatingARelayJob_thenTheMissingConfigurationIsNamed() {
    Web3jChain unconfigured =
        new Web3jChain(local.rpc, local.profile, local.deployment.forwarder(), List::of);
    MetaTransaction meta = local.metaTransaction(store(7), BigInteger.ZERO);

    assertThatThrownBy(() -> unconfigured.simulate(local.paidCall(meta, BigInteger.ONE)))
        .hasMessageContaining("no relayer account");
  }

  @Test
  void givenACallerWhoIsNotARelayer_whenSimulatingAsThem_thenTheForwarderRefusesThem() {
    Web3jChain impostor =
        new Web3jChain(
            local.rpc, local.profile, local.deployment.forwarder(), () -> List.of(DEPLOYER));
    MetaTransaction meta = local.metaTransaction(store(7), BigInteger.ZERO);

    assertThat(impostor.simulate(local.paidCall(meta, BigInteger.ONE)))
        .isEqualTo(new Simulation.Reverts("UnauthorizedRelayer(" + DEPLOYER + ")"));
  }

  private static Web3jChain chainWith(NetworkProfile profile) {
    return new Web3jChain(local.rpc, profile, local.deployment.forwarder(), () -> List.of(RELAYER));
  }

  /** The user's calldata as the forwarder sends it: ERC-2771 appends the user's address. */
  private static Calldata withSender(Calldata call) {
    return new Calldata(call.hex() + USER.value().substring(2).toLowerCase(Locale.ROOT));
  }
}
