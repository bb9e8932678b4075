package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.contracts.ContractArtifacts;
import io.crogas.eip712.Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped artifacts against what a real deployment leaves on anvil, immutables and all. */
class DeployedCodeTest {
  private static LocalCroGas local;
  private static DeployedCode code;

  @BeforeAll
  static void start() {
    local = LocalCroGas.start();
    code = new DeployedCode(local.rpc);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenTheDeployedForwarder_whenCompared_thenItIsTheShippedOneDespiteItsImmutables() {
    assertThat(ContractArtifacts.load(ContractArtifacts.FORWARDER).immutables()).isNotEmpty();

    assertThat(code.compare(local.deployment.forwarder(), ContractArtifacts.FORWARDER))
        .isEqualTo(DeployedCode.Match.SAME);
    assertThat(code.compare(local.deployment.demoTarget(), ContractArtifacts.DEMO_TARGET))
        .isEqualTo(DeployedCode.Match.SAME);
  }

  @Test
  void givenAnotherContractOrNothing_whenComparedWithTheForwarder_thenDifferentOrNone() {
    assertThat(code.compare(local.deployment.demoTarget(), ContractArtifacts.FORWARDER))
        .isEqualTo(DeployedCode.Match.DIFFERENT);
    assertThat(code.compare(LocalCroGas.STRANGER, ContractArtifacts.FORWARDER))
        .isEqualTo(DeployedCode.Match.NONE);
  }

  @Test
  void givenOneByteOfTheForwarderChangedOutsideItsImmutables_whenCompared_thenDifferent() {
    byte[] onChain =
        Hex.decode(ContractArtifacts.load(ContractArtifacts.FORWARDER).deployedBytecode());
    onChain[0] ^= 1; // the first opcode: never an immutable

    assertThat(ContractArtifacts.load(ContractArtifacts.FORWARDER).isRuntimeOf(onChain)).isFalse();
  }
}
