package io.crogas.eip712;

import java.math.BigInteger;

/**
 * One buffer for a fixed-shape struct: {@code 0x1901 ‖ domainSeparator ‖ structHash} followed by
 * {@code typeHash ‖ field words}. Fields are written in order straight into the buffer; the struct
 * hash lands in place so the digest needs no further copying.
 */
final class StructWords {
  private static final int PREFIX = 2 + 2 * Words.WORD;
  private static final int STRUCT_HASH_AT = 2 + Words.WORD;

  private final byte[] buffer;
  private int position;

  private StructWords(byte[] buffer) {
    this.buffer = buffer;
    this.position = PREFIX + Words.WORD;
  }

  /** Words for a struct hash only. */
  static StructWords forStruct(byte[] typeHash, int fieldCount) {
    StructWords words = new StructWords(new byte[PREFIX + Words.WORD * (1 + fieldCount)]);
    System.arraycopy(typeHash, 0, words.buffer, PREFIX, Words.WORD);
    return words;
  }

  /** Words for a struct hash and the EIP-712 digest under {@code domainSeparator}. */
  static StructWords forDigest(byte[] domainSeparator, byte[] typeHash, int fieldCount) {
    if (domainSeparator == null || domainSeparator.length != Words.WORD) {
      throw new IllegalArgumentException(
          "a domain separator is 32 bytes, got "
              + (domainSeparator == null ? "null" : domainSeparator.length));
    }
    StructWords words = forStruct(typeHash, fieldCount);
    words.buffer[0] = 0x19;
    words.buffer[1] = 0x01;
    System.arraycopy(domainSeparator, 0, words.buffer, 2, Words.WORD);
    return words;
  }

  /** {@code string}: the Keccak-256 of its UTF-8 bytes. */
  StructWords hashOf(String text, String path) {
    if (text == null) {
      throw new TypedDataException(path, "missing value");
    }
    return hashOf(AtomicValues.utf8(text), path);
  }

  /** Dynamic {@code bytes}: its Keccak-256. */
  StructWords hashOf(byte[] bytes, String path) {
    if (bytes == null) {
      throw new TypedDataException(path, "missing value");
    }
    Keccak256.hash(bytes, 0, bytes.length, buffer, position);
    position += Words.WORD;
    return this;
  }

  StructWords uint256(BigInteger value, String path) {
    Words.putInteger(AtomicValues.integer(value, 256, false, path), buffer, position);
    position += Words.WORD;
    return this;
  }

  StructWords address(byte[] address20, String path) {
    Words.putAddress(AtomicValues.address(address20, path), buffer, position);
    position += Words.WORD;
    return this;
  }

  StructWords bytes32(byte[] bytes32, String path) {
    Words.putLeftAligned(AtomicValues.fixedBytes(bytes32, Words.WORD, path), buffer, position);
    position += Words.WORD;
    return this;
  }

  /** {@code hashStruct}: Keccak-256 of the type hash and the field words written so far. */
  byte[] structHash() {
    return Keccak256.hash(buffer, PREFIX, position - PREFIX);
  }

  /** {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}. */
  byte[] digest() {
    Keccak256.hash(buffer, PREFIX, position - PREFIX, buffer, STRUCT_HASH_AT);
    return Keccak256.hash(buffer, 0, PREFIX);
  }
}
