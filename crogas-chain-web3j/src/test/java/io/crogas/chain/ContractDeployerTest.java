package io.crogas.chain;

import static io.crogas.chain.LocalCroGas.DEPLOYER;
import static io.crogas.chain.LocalCroGas.FEE_RECIPIENT;
import static io.crogas.chain.LocalCroGas.RELAYER;
import static io.crogas.chain.LocalCroGas.STRANGER;
import static io.crogas.chain.LocalCroGas.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Receipt;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractDeployerTest {
  private static LocalCroGas local;

  @BeforeAll
  static void deploy() {
    local = LocalCroGas.start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenAPlan_whenDeployed_thenTheForwarderIsWiredToTheTokenRecipientOwnerAndRelayers() {
    Address forwarder = local.deployment.forwarder();

    assertThat(address(forwarder, "usdc()")).isEqualTo(local.deployment.usdc());
    assertThat(address(forwarder, "feeRecipient()")).isEqualTo(FEE_RECIPIENT);
    assertThat(address(forwarder, "owner()")).isEqualTo(DEPLOYER);
    assertThat(isRelayer(RELAYER)).isTrue();
    assertThat(isRelayer(STRANGER)).isFalse();
  }

  @Test
  void givenAPlan_whenDeployed_thenTheDemoTargetTrustsTheForwarder() {
    byte[] answer =
        local.rpc.call(local.deployment.demoTarget(), AbiCodec.call("trustedForwarder()"));

    assertThat(AbiCodec.address(answer)).isEqualTo(local.deployment.forwarder());
  }

  @Test
  void givenTheDeployerIsTheMinter_whenMinting_thenTheBalanceGrowsAndTheReceiptSaysSo() {
    Address holder = Address.parse("0x00000000000000000000000000000000000000d0");

    Receipt receipt =
        local.contracts.mint(local.deployment.usdc(), holder, BigInteger.valueOf(1_234_567));

    assertThat(receipt.success()).isTrue();
    assertThat(receipt.gasUsed()).isPositive();
    assertThat(local.chain().tokenBalance(local.deployment.usdc(), holder))
        .isEqualTo(BigInteger.valueOf(1_234_567));
  }

  @Test
  void givenAKeyWithoutTheMinterRole_whenMinting_thenTheDecodedRefusalIsReported() {
    ContractDeployer stranger = new ContractDeployer(local.sender(4));

    assertThatThrownBy(() -> stranger.mint(local.deployment.usdc(), USER, BigInteger.ONE))
        .isInstanceOf(TransactionFailedException.class)
        .hasMessageContaining("AccessControlUnauthorizedAccount(" + STRANGER + ", 0x");
  }

  private static Address address(Address contract, String getter) {
    return AbiCodec.address(local.rpc.call(contract, AbiCodec.call(getter)));
  }

  private static boolean isRelayer(Address account) {
    return AbiCodec.bool(
        local.rpc.call(
            local.deployment.forwarder(),
            AbiCodec.call("isRelayer(address)", Solidity.address(account))));
  }
}
