package io.crogas.chain;

import io.crogas.contracts.ContractArtifact;
import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Compares the code deployed at an address with a contract this release ships: an operator pointing
 * CroGas at a forwarder learns before serving whether it is the forwarder this release was tested
 * with (same bytes but for its immutables), an older build, or something else.
 */
public final class DeployedCode {
  private final JsonRpc rpc;

  public DeployedCode(JsonRpc rpc) {
    this.rpc = rpc;
  }

  /** What is deployed at an address, compared with a shipped contract. */
  public enum Match {
    /** The shipped runtime bytecode, immutables aside. */
    SAME,
    /** Some other contract. */
    DIFFERENT,
    /** No code at all: not deployed on this chain. */
    NONE
  }

  public Match compare(Address address, String contractName) {
    String hex =
        rpc.sendOrFail(rpc.web3j().ethGetCode(address.value(), DefaultBlockParameterName.LATEST))
            .getCode();
    byte[] code = Hex.decode(hex == null ? "0x" : hex, Hex.Prefix.OPTIONAL);
    if (code.length == 0) {
      return Match.NONE;
    }
    ContractArtifact artifact = ContractArtifacts.load(contractName);
    return artifact.isRuntimeOf(code) ? Match.SAME : Match.DIFFERENT;
  }
}
