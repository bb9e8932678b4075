package io.crogas.chain;

import java.math.BigInteger;
import java.util.Map;

/** The Solidity compiler's {@code Panic(uint256)} codes (Solidity docs, "Panic via assert"). */
final class PanicCode {
  private static final Map<Integer, String> MEANINGS =
      Map.of(
          0x01, "assertion failed",
          0x11, "arithmetic overflow or underflow",
          0x12, "division or modulo by zero",
          0x21, "invalid enum value",
          0x22, "corrupt storage byte array",
          0x31, "pop on an empty array",
          0x32, "array index out of bounds",
          0x41, "out of memory",
          0x51, "call to an uninitialised function");

  private PanicCode() {}

  /** {@code 0x11: arithmetic overflow or underflow}, or the bare code when unknown. */
  static String describe(BigInteger code) {
    String hex = "0x" + code.toString(16);
    String meaning = code.bitLength() <= 8 ? MEANINGS.get(code.intValue()) : null;
    return meaning == null ? hex : hex + ": " + meaning;
  }
}
