package io.crogas.eip712;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads message values of atomic types into canonical Java forms, accepting what JSON and Java
 * callers hand in: integers as {@link BigInteger}, other integral {@link Number}s, decimal or
 * {@code 0x}-hex strings; bytes as {@code byte[]} or {@code 0x}-hex strings; addresses as {@code
 * byte[20]} or (EIP-55 checked) hex strings. Every problem is a {@link TypedDataException} at the
 * value's path.
 */
final class AtomicValues {
  /** More digits than any 256-bit integer has in decimal (78) or hex (64): refused unparsed. */
  private static final int MAX_DIGITS = 80;

  private AtomicValues() {}

  /** An integer in the range of uintN ({@code signed == false}) or intN. */
  static BigInteger integer(Object value, int bits, boolean signed, String path) {
    BigInteger n = integer(value, path);
    boolean fits = signed ? n.bitLength() <= bits - 1 : n.signum() >= 0 && n.bitLength() <= bits;
    if (!fits) {
      throw new TypedDataException(
          path, "value " + n + " is out of range for " + (signed ? "int" : "uint") + bits);
    }
    return n;
  }

  private static BigInteger integer(Object value, String path) {
    if (value instanceof BigInteger big) {
      return big;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal decimal) {
      return integral(decimal, path);
    }
    if (value instanceof String s) {
      return parseInteger(s, path);
    }
    throw new TypedDataException(path, "expected an integer, got " + describe(value));
  }

  /**
   * A JSON number such as {@code 1e+21} (JavaScript writes large numbers so). The exponent is
   * checked before expanding: {@code 1e999999999} must not cost a billion-digit integer.
   */
  private static BigInteger integral(BigDecimal decimal, String path) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw new TypedDataException(path, "not an integer: " + decimal);
    }
    if (stripped.precision() - stripped.scale() > MAX_DIGITS) {
      throw new TypedDataException(path, "value " + decimal + " is out of range for 256 bits");
    }
    return stripped.toBigIntegerExact();
  }

  private static BigInteger parseInteger(String s, String path) {
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
    String body = hex ? digits.substring(2) : digits;
    int radix = hex ? 16 : 10;
    boolean wellFormed =
        !body.isEmpty()
            && body.length() <= MAX_DIGITS
            && body.chars().allMatch(c -> Character.digit(c, radix) >= 0 && c < 128);
    if (!wellFormed) {
      throw new TypedDataException(
          path, "not a decimal or 0x-hex integer: \"" + Hex.abbreviate(s) + "\"");
    }
    BigInteger n = new BigInteger(body, radix);
    return negative ? n.negate() : n;
  }

  static boolean bool(Object value, String path) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new TypedDataException(path, "expected a boolean, got " + describe(value));
  }

  static byte[] address(Object value, String path) {
    if (value instanceof byte[] bytes) {
      if (bytes.length != Eip55.ADDRESS_LENGTH) {
        throw new TypedDataException(path, "an address is 20 bytes, got " + bytes.length);
      }
      return bytes;
    }
    if (value instanceof String s) {
      try {
        return Eip55.parse(s);
      } catch (IllegalArgumentException e) {
        throw new TypedDataException(path, e.getMessage(), e);
      }
    }
    throw new TypedDataException(path, "expected an address, got " + describe(value));
  }

  /** Dynamic {@code bytes}. */
  static byte[] bytes(Object value, String path) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof String s) {
      try {
        return Hex.decode(s, Hex.Prefix.REQUIRED_EITHER_CASE);
      } catch (IllegalArgumentException e) {
        throw new TypedDataException(path, "bad hex: " + e.getMessage(), e);
      }
    }
    throw new TypedDataException(path, "expected bytes as 0x-hex, got " + describe(value));
  }

  /** {@code bytesN}: exactly {@code length} bytes. */
  static byte[] fixedBytes(Object value, int length, String path) {
    byte[] bytes = bytes(value, path);
    if (bytes.length != length) {
      throw new TypedDataException(
          path, "bytes" + length + " needs exactly " + length + " bytes, got " + bytes.length);
    }
    return bytes;
  }

  static String string(Object value, String path) {
    if (value instanceof String s) {
      return s;
    }
    throw new TypedDataException(path, "expected a string, got " + describe(value));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof byte[] bytes ? Hex.encode(bytes) : String.valueOf(value);
    return value.getClass().getSimpleName() + " " + Hex.abbreviate(text);
  }
}
