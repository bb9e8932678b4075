package io.crogas.domain.model;

import java.util.HexFormat;

/** Strict 0x-prefixed hex, the only text form of bytes the core accepts. */
final class Hex {
  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  static byte[] decode(String text, String what) {
    if (text == null || !text.startsWith("0x") || (text.length() & 1) != 0) {
      throw new IllegalArgumentException(
          what + " must be 0x-prefixed hex with an even number of digits");
    }
    try {
      return LOWER.parseHex(text, 2, text.length());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " contains a non-hex character", e);
    }
  }

  static String encode(byte[] bytes) {
    return "0x" + LOWER.formatHex(bytes);
  }
}
