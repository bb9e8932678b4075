package io.crogas.eip712;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** EIP-55 mixed-case checksummed addresses. */
public final class Eip55 {
  /** Length of an address in bytes. */
  public static final int ADDRESS_LENGTH = 20;

  private static final int HEX_DIGITS = 2 * ADDRESS_LENGTH;

  private Eip55() {}

  /** The EIP-55 checksummed form ({@code 0x} + 40 mixed-case hex digits) of a 20-byte address. */
  public static String checksum(byte[] address20) {
    if (address20 == null || address20.length != ADDRESS_LENGTH) {
      throw new IllegalArgumentException(
          "an address is 20 bytes, got " + (address20 == null ? "null" : address20.length));
    }
    String lower = Hex.encode(address20).substring(2);
    byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    char[] out = new char[2 + HEX_DIGITS];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < HEX_DIGITS; i++) {
      char c = lower.charAt(i);
      out[2 + i] = c >= 'a' && hashNibble(hash, i) >= 8 ? (char) (c - 'a' + 'A') : c;
    }
    return new String(out);
  }

  /**
   * True iff the string is {@code 0x} followed by 40 hex digits and, when its letters are of mixed
   * case, the case encodes a valid EIP-55 checksum. All-lower and all-upper case are accepted.
   */
  public static boolean isValid(String address) {
    return problem(address).isEmpty();
  }

  /**
   * The 20 bytes of an address string.
   *
   * @throws IllegalArgumentException naming the problem: null, missing {@code 0x}, wrong length, a
   *     non-hex character and its index, or a failed EIP-55 checksum with the expected form
   */
  public static byte[] parse(String address) {
    problem(address)
        .ifPresent(
            message -> {
              throw new IllegalArgumentException(message);
            });
    return Hex.decode(address);
  }

  private static Optional<String> problem(String address) {
    if (address == null) {
      return Optional.of("address is null");
    }
    if (!address.startsWith("0x")) {
      return Optional.of("address must start with 0x: " + Hex.abbreviate(address));
    }
    if (address.length() != 2 + HEX_DIGITS) {
      return Optional.of(
          "address must be 0x and 40 hex digits, got "
              + (address.length() - 2)
              + " digits: "
              + Hex.abbreviate(address));
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 2; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
      if (!digit && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
        return Optional.of(
            "address has a non-hex character '" + c + "' at index " + i + ": " + address);
      }
    }
    if (lower && upper) {
      String expected = checksum(Hex.decode(address));
      if (!expected.equals(address)) {
        return Optional.of(
            "address fails its EIP-55 checksum: " + address + " (expected " + expected + ")");
      }
    }
    return Optional.empty();
  }

  private static int hashNibble(byte[] hash, int index) {
    int b = hash[index / 2] & 0xff;
    return index % 2 == 0 ? b >>> 4 : b & 0xf;
  }
}
