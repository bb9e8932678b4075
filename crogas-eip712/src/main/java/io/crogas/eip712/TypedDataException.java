package io.crogas.eip712;

/**
 * Malformed typed data: an unknown or cyclic type, a missing field, a value that does not fit its
 * type. The message starts with the path of the offending part, e.g. {@code message.wallets[1]:
 * ...} or {@code types.Mail.from: ...}.
 */
public final class TypedDataException extends IllegalArgumentException {
  public TypedDataException(String path, String problem) {
    super(path + ": " + problem);
  }

  public TypedDataException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
  }
}
