package io.crogas.domain.model;

import io.crogas.eip712.Eip55;
import java.util.Arrays;

/**
 * A 20-byte account or contract address, held in its EIP-55 checksummed form so that equal
 * addresses are equal values however they were written.
 */
public record Address(String value) {
  public static final Address ZERO = of(new byte[20]);

  public Address {
    if (value == null || !value.equals(Eip55.checksum(Eip55.parse(value)))) {
      throw new IllegalArgumentException("address must be in EIP-55 checksummed form: " + value);
    }
  }

  /**
   * Parses a 0x-prefixed hex address. All-lowercase and all-uppercase forms are accepted; a
   * mixed-case form must carry a valid EIP-55 checksum (a typo is refused, not silently fixed).
   */
  public static Address parse(String text) {
    if (text == null || !Eip55.isValid(text)) {
      throw new IllegalArgumentException(
          "not a valid address (0x + 40 hex digits, EIP-55 checksum when mixed case): " + text);
    }
    return of(Eip55.parse(text));
  }

  public static Address of(byte[] bytes20) {
    if (bytes20 == null || bytes20.length != 20) {
      throw new IllegalArgumentException("an address is exactly 20 bytes");
    }
    return new Address(Eip55.checksum(bytes20));
  }

  public byte[] bytes() {
    return Eip55.parse(value);
  }

  public boolean isZero() {
    return Arrays.equals(bytes(), new byte[20]);
  }

  @Override
  public String toString() {
    return value;
  }
}
