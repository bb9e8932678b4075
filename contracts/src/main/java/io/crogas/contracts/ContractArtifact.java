package io.crogas.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One compiled contract as built from {@code contracts/src} by the pinned solc: its ABI as JSON
 * text and its creation and runtime bytecode as 0x-prefixed hex.
 *
 * @param name the Solidity contract name, e.g. {@code CroGasForwarder}
 * @param abiJson the contract ABI, a JSON array
 * @param bytecode creation bytecode (constructor arguments are appended ABI-encoded)
 * @param deployedBytecode runtime bytecode, with zeros where immutables are filled at deployment
 */
public record ContractArtifact(
    String name, String abiJson, String bytecode, String deployedBytecode) {
  private static final Pattern HEX = Pattern.compile("0x(?:[0-9a-f]{2})+");

  public ContractArtifact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(abiJson, "abiJson");
    Objects.requireNonNull(bytecode, "bytecode");
    Objects.requireNonNull(deployedBytecode, "deployedBytecode");
    if (!abiJson.strip().startsWith("[")) {
      throw new IllegalArgumentException(name + ": the ABI is not a JSON array");
    }
    requireHex(name, "bytecode", bytecode);
    requireHex(name, "deployedBytecode", deployedBytecode);
  }

  private static void requireHex(String name, String what, String value) {
    if (!HEX.matcher(value).matches()) {
      throw new IllegalArgumentException(name + ": " + what + " is not 0x-prefixed hex bytes");
    }
  }
}
