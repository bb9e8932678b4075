package io.crogas.eip712;

/** Lower-case, {@code 0x}-prefixed hexadecimal as Ethereum JSON-RPC writes bytes. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

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
   * Decodes {@code 0x}-prefixed hex with an even number of digits, either case.
   *
   * @throws IllegalArgumentException naming what is wrong: a missing prefix, an odd number of
   *     digits or the first non-hex character and its index
   */
  public static byte[] decode(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex string is null");
    }
    if (!hex.startsWith("0x") && !hex.startsWith("0X")) {
      throw new IllegalArgumentException("hex string must start with 0x: " + abbreviate(hex));
    }
    int digits = hex.length() - 2;
    if (digits % 2 != 0) {
      throw new IllegalArgumentException(
          "hex string has an odd number of digits (" + digits + "): " + abbreviate(hex));
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex, 2 + 2 * i);
      int lo = digit(hex, 3 + 2 * i);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** The value of the hex digit at {@code index}; rejects anything but 0-9, a-f and A-F. */
  static int digit(String s, int index) {
    char c = s.charAt(index);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException(
        "non-hex character '" + c + "' at index " + index + ": " + abbreviate(s));
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
