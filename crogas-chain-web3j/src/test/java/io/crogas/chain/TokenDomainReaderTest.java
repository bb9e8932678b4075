package io.crogas.chain;

import static io.crogas.chain.LocalCroGas.TOKEN_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenDomain;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenDomainReaderTest {
  private static LocalCroGas local;
  private static TokenDomainReader reader;

  @BeforeAll
  static void deploy() {
    local = LocalCroGas.start();
    reader = new TokenDomainReader(local.rpc, local.profile.chainId());
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenTheDeployedTestUsdc_whenReadingItsDomain_thenItMatchesTheDeploymentPlan() {
    TokenDomain domain = reader.read(local.deployment.usdc());

    assertThat(domain).isEqualTo(local.token());
    assertThat(domain.name()).isEqualTo(TOKEN_NAME);
    assertThat(domain.version()).isEqualTo("1");
    assertThat(domain.decimals()).isEqualTo(6);
  }

  @Test
  void givenATokenWhoseNameNoLongerMatchesItsSeparator_whenReading_thenItIsRefused() {
    Address token =
        new ContractDeployer(local.deployerKey)
            .deploy(
                DeploymentPlan.mirroringCronosUsdc(
                    LocalCroGas.FEE_RECIPIENT, LocalCroGas.DEPLOYER, List.of()))
            .usdc();
    // ERC-20 `_name` is storage slot 3; the EIP-712 name hash is an immutable, so only name()
    // changes: a short string is stored left-aligned with twice its length in the last byte.
    local.anvil.rpc(
        "anvil_setStorageAt",
        "[\"" + token + "\",\"0x3\",\"" + shortStringSlot("Fake USD") + "\"]");

    assertThatThrownBy(() -> reader.read(token))
        .isInstanceOf(IncompatibleTokenException.class)
        .hasMessageContaining("\"Fake USD\"")
        .hasMessageContaining("DOMAIN_SEPARATOR()");
  }

  @Test
  void givenAnAddressWithoutCode_whenReading_thenTheAnswerIsNotTakenForADomain() {
    Address nothing = Address.parse("0x00000000000000000000000000000000000000c0");

    assertThatThrownBy(() -> reader.read(nothing)).isInstanceOf(ChainUnavailableException.class);
  }

  private static String shortStringSlot(String text) {
    byte[] slot = new byte[32];
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, slot, 0, bytes.length);
    slot[31] = (byte) (bytes.length * 2);
    return "0x" + HexFormat.of().formatHex(slot);
  }
}
