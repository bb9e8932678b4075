package io.crogas.chain;

import static io.crogas.chain.LocalCroGas.FEE_RECIPIENT;
import static io.crogas.chain.LocalCroGas.USER;
import static io.crogas.chain.LocalCroGas.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.port.out.Chain.Simulation;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-check between the Java EIP-712 library and the contracts: documents signed in Java
 * (through the domain's digests) are executed by the real forwarder on anvil.
 */
class ForwarderCallsTest {
  private static final BigInteger FUNDS = BigInteger.valueOf(5_000_000);
  private static final BigInteger FEE = BigInteger.valueOf(250_000);
  private static LocalCroGas local;
  private static Web3jChain chain;

  @BeforeAll
  static void deployAndFund() {
    local = LocalCroGas.start();
    chain = local.chain();
    local.contracts.mint(local.deployment.usdc(), USER, FUNDS);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenAMetaTransaction_whenTheForwarderHashesIt_thenItEqualsTheJavaDigest() {
    MetaTransaction meta = local.metaTransaction(store(5), BigInteger.valueOf(3));

    byte[] onChain =
        local.rpc.call(local.deployment.forwarder(), ForwarderCalls.hashMetaTransaction(meta));

    assertThat(Hash32.of(AbiCodec.bytes32(onChain)))
        .isEqualTo(meta.digest(local.forwarderDomain()));
  }

  @Test
  void givenDocumentsSignedInJava_whenTheRelayerExecutesThem_thenCallFeeAndNonceAllHappen() {
    BigInteger nonce = chain.forwarderNonce(USER);
    MetaTransaction meta = local.metaTransaction(store(42), nonce);
    RelayJob.ForwarderCall job = local.paidCall(meta, FEE);
    BigInteger userBefore = balance(USER);
    BigInteger recipientBefore = balance(FEE_RECIPIENT);

    Receipt receipt =
        local.relayerKey.send(local.deployment.forwarder(), ForwarderCalls.execute(job));

    assertThat(receipt.success()).isTrue();
    assertThat(balance(USER)).isEqualTo(userBefore.subtract(FEE));
    assertThat(balance(FEE_RECIPIENT)).isEqualTo(recipientBefore.add(FEE));
    assertThat(balance(local.deployment.forwarder())).isZero();
    assertThat(demoTarget("lastSender()")).isEqualTo(USER);
    assertThat(
            AbiCodec.uint(
                local.rpc.call(local.deployment.demoTarget(), AbiCodec.call("lastValue()"))))
        .isEqualTo(BigInteger.valueOf(42));
    assertThat(chain.forwarderNonce(USER)).isEqualTo(nonce.add(BigInteger.ONE));
    Hash32 feeNonce = meta.digest(local.forwarderDomain());
    assertThat(chain.authorizationUsed(local.deployment.usdc(), USER, feeNonce)).isTrue();
    assertThat(chain.simulate(job))
        .isEqualTo(
            new Simulation.Reverts(
                "InvalidNonce(" + USER + ", " + nonce.add(BigInteger.ONE) + ", " + nonce + ")"));
  }

  private static BigInteger balance(Address owner) {
    return chain.tokenBalance(local.deployment.usdc(), owner);
  }

  private static Address demoTarget(String getter) {
    return AbiCodec.address(local.rpc.call(local.deployment.demoTarget(), AbiCodec.call(getter)));
  }
}
