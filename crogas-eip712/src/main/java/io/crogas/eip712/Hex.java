package io.crogas.eip712;

import java.util.Optional;

/**
 * Bytes as Ethereum writes them: {@code 0x} and two hex digits per byte. The one hex codec of
 * CroGas. Encoding writes lower case. Decoding accepts digits in either case (EIP-55 addresses and
 * many tools mix them), needs an even number of them, and takes the rule for the prefix explicitly
 * ({@link Prefix}); without one it is {@link Prefix#REQUIRED}, the form JSON-RPC and CroGas's API
 * use.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  /** Which prefix a decoder accepts. */
  public enum Prefix {
    /** Exactly {@code 0x}: JSON-RPC answers and CroGas's API. */
    REQUIRED,
    /** {@code 0x} or {@code 0X}: typed data as wallets and tools write it. */
    REQUIRED_EITHER_CASE,
    /** {@code 0x} or none: web3j's unprefixed ABI encodings and keys as operators paste them. */
    OPTIONAL
  }

  /** Why a text is not hex under a {@link Prefix} rule. */
  public enum Flaw {
    NULL,
    NO_PREFIX,
    ODD_DIGITS,
    NON_HEX_CHARACTER
  }

  private Hex() {}

  /** {@code 0x} followed by two lower-case hex digits per byte. */
  public static String encode(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex with exactly the {@code 0x} prefix.
   *
   * @throws IllegalArgumentException as {@link #decode(String, Prefix)}
   */
  public static byte[] decode(String hex) {
    return decode(hex, Prefix.REQUIRED);
  }

  /**
   * Decodes hex whose prefix follows {@code prefix}.
   *
   * @throws IllegalArgumentException naming what is wrong: a missing prefix, an odd number of
   *     digits or the first non-hex character and its index
   */
  public static byte[] decode(String hex, Prefix prefix) {
    Optional<Flaw> flaw = flaw(hex, prefix);
    if (flaw.isPresent()) {
      throw new IllegalArgumentException(describe(flaw.get(), hex, prefix));
    }
    int start = prefixLength(hex);
    byte[] out = new byte[(hex.length() - start) / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = value(hex.charAt(start + 2 * i));
      int lo = value(hex.charAt(start + 2 * i + 1));
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** What keeps {@code text} from decoding under {@code prefix}; empty when it decodes. */
  public static Optional<Flaw> flaw(String text, Prefix prefix) {
    if (text == null) {
      return Optional.of(Flaw.NULL);
    }
    if (!prefixAccepted(text, prefix)) {
      return Optional.of(Flaw.NO_PREFIX);
    }
    int start = prefixLength(text);
    if ((text.length() - start) % 2 != 0) {
      return Optional.of(Flaw.ODD_DIGITS);
    }
    return firstNonHex(text, start) < 0 ? Optional.empty() : Optional.of(Flaw.NON_HEX_CHARACTER);
  }

  private static boolean prefixAccepted(String text, Prefix prefix) {
    return switch (prefix) {
      case REQUIRED -> text.startsWith("0x");
      case REQUIRED_EITHER_CASE -> text.startsWith("0x") || text.startsWith("0X");
      case OPTIONAL -> !text.startsWith("0X");
    };
  }

  // Called once the prefix is accepted: a "0X" got there only if its rule allows it.
  private static int prefixLength(String text) {
    return text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
  }

  private static String describe(Flaw flaw, String text, Prefix prefix) {
    return switch (flaw) {
      case NULL -> "hex string is null";
      case NO_PREFIX ->
          (prefix == Prefix.OPTIONAL
                  ? "hex string must start with 0x or have no prefix: "
                  : "hex string must start with 0x: ")
              + abbreviate(text);
      case ODD_DIGITS ->
          "hex string has an odd number of digits ("
              + (text.length() - prefixLength(text))
              + "): "
              + abbreviate(text);
      case NON_HEX_CHARACTER -> {
        int index = firstNonHex(text, prefixLength(text));
        yield "non-hex character '"
            + text.charAt(index)
            + "' at index "
            + index
            + ": "
            + abbreviate(text);
      }
    };
  }

  private static int firstNonHex(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      if (value(text.charAt(i)) < 0) {
        return i;
      }
    }
    return -1;
  }

  /** The value of a hex digit, or -1 for anything but 0-9, a-f and A-F. */
  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
