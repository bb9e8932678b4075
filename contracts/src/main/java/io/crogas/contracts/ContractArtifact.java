package io.crogas.contracts;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
 * @param immutables the byte ranges of the runtime bytecode that the deployment fills
 */
public record ContractArtifact(
    String name,
    String abiJson,
    String bytecode,
    String deployedBytecode,
    List<ByteRange> immutables) {
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
    immutables = List.copyOf(immutables);
  }

  /** A contract without immutables. */
  public ContractArtifact(String name, String abiJson, String bytecode, String deployedBytecode) {
    this(name, abiJson, bytecode, deployedBytecode, List.of());
  }

  /** {@code length} bytes from {@code start} of the runtime bytecode. */
  public record ByteRange(int start, int length) {
    public ByteRange {
      if (start < 0 || length < 1) {
        throw new IllegalArgumentException("a byte range needs start >= 0 and length >= 1");
      }
    }
  }

  /**
   * Whether {@code code}, read from the chain at an address, is this contract's runtime bytecode:
   * the same bytes everywhere except the ranges its deployment filled with immutables.
   */
  public boolean isRuntimeOf(byte[] code) {
    byte[] expected = HexFormat.of().parseHex(deployedBytecode.substring(2));
    if (code.length != expected.length) {
      return false;
    }
    byte[] masked = code.clone();
    for (ByteRange range : immutables) {
      if (range.start() + range.length() > masked.length) {
        return false;
      }
      Arrays.fill(masked, range.start(), range.start() + range.length(), (byte) 0);
    }
    return Arrays.equals(masked, expected);
  }

  private static void requireHex(String name, String what, String value) {
    if (!HEX.matcher(value).matches()) {
      throw new IllegalArgumentException(name + ": " + what + " is not 0x-prefixed hex bytes");
    }
  }
}
