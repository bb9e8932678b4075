package io.crogas.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractArtifactsTest {
  private static final List<String> ALL =
      List.of(
          ContractArtifacts.FORWARDER, ContractArtifacts.TEST_USDC, ContractArtifacts.DEMO_TARGET);

  @Test
  void givenTheJar_whenLoadingEachContract_thenAbiAndBothBytecodesArePresent() {
    for (String name : ALL) {
      ContractArtifact artifact = ContractArtifacts.load(name);

      assertThat(artifact.name()).isEqualTo(name);
      assertThat(artifact.abiJson()).startsWith("[").contains("\"type\": \"function\"");
      assertThat(artifact.bytecode()).startsWith("0x").hasSizeGreaterThan(1_000);
      assertThat(artifact.deployedBytecode()).startsWith("0x").hasSizeGreaterThan(1_000);
      assertThat(artifact.bytecode()).contains(artifact.deployedBytecode().substring(2, 200));
    }
  }

  @Test
  void givenTheForwarder_whenReadingItsAbi_thenTheEngineEntryPointsAndEventsAreThere() {
    String abi = ContractArtifacts.load(ContractArtifacts.FORWARDER).abiJson();

    assertThat(abi)
        .contains(
            "\"name\": \"execute\"",
            "\"name\": \"executeSponsored\"",
            "\"name\": \"hashMetaTransaction\"",
            "\"name\": \"nonces\"",
            "\"name\": \"MetaTransactionExecuted\"",
            "\"name\": \"FeeCharged\"",
            "\"name\": \"CallFailed\"",
            "\"name\": \"InsufficientGasForCall\"",
            "\"internalType\": \"struct CroGasForwarder.FeeAuthorization\"");
  }

  @Test
  void givenTheTestToken_whenReadingItsAbi_thenEip3009AndPermitAreThere() {
    String abi = ContractArtifacts.load(ContractArtifacts.TEST_USDC).abiJson();

    assertThat(abi)
        .contains(
            "\"name\": \"transferWithAuthorization\"",
            "\"name\": \"receiveWithAuthorization\"",
            "\"name\": \"cancelAuthorization\"",
            "\"name\": \"authorizationState\"",
            "\"name\": \"permit\"",
            "\"name\": \"mint\"");
  }

  @Test
  void givenAnUnknownName_whenLoading_thenTheMessageNamesTheMissingResource() {
    assertThatThrownBy(() -> ContractArtifacts.load("NoSuchContract"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NoSuchContract.abi.json");
  }

  @Test
  void givenMalformedParts_whenBuildingAnArtifact_thenRejected() {
    assertThatThrownBy(() -> new ContractArtifact("X", "{}", "0x00", "0x00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ABI");
    assertThatThrownBy(() -> new ContractArtifact("X", "[]", "00", "0x00"))
        .hasMessageContaining("bytecode");
    assertThatThrownBy(() -> new ContractArtifact("X", "[]", "0x00", "0x0"))
        .hasMessageContaining("deployedBytecode");
  }
}
