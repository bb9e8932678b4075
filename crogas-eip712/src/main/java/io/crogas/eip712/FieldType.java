package io.crogas.eip712;

/** The parsed form of an EIP-712 member type such as {@code uint256}, {@code Person[]}. */
sealed interface FieldType permits FieldType.Atomic, FieldType.Array, FieldType.Struct {

  /** The atomic and dynamic kinds of EIP-712 §"Definition of typed structured data". */
  enum Kind {
    UINT,
    INT,
    FIXED_BYTES,
    BOOL,
    ADDRESS,
    BYTES,
    STRING
  }

  /** An atomic or dynamic type; {@code size} is the bit width of (u)intN or N of bytesN. */
  record Atomic(Kind kind, int size) implements FieldType {}

  /** An array of {@code element}; {@code length} is -1 for a dynamic array. */
  record Array(String element, int length) implements FieldType {}

  /** A reference to a struct type by name. */
  record Struct(String name) implements FieldType {}

  /**
   * Parses a member type. A name that is not atomic, dynamic or an array is taken to be a struct
   * reference, and must be an identifier.
   *
   * @throws TypedDataException at {@code path} for anything else
   */
  static FieldType parse(String type, String path) {
    if (type.endsWith("]")) {
      return parseArray(type, path);
    }
    switch (type) {
      case "bool":
        return new Atomic(Kind.BOOL, 0);
      case "address":
        return new Atomic(Kind.ADDRESS, 0);
      case "bytes":
        return new Atomic(Kind.BYTES, 0);
      case "string":
        return new Atomic(Kind.STRING, 0);
      default:
        break;
    }
    if (hasWidth(type, "uint")) {
      return new Atomic(Kind.UINT, width(type, 4, 8, 256, 8, path));
    }
    if (hasWidth(type, "int")) {
      return new Atomic(Kind.INT, width(type, 3, 8, 256, 8, path));
    }
    if (hasWidth(type, "bytes")) {
      return new Atomic(Kind.FIXED_BYTES, width(type, 5, 1, 32, 1, path));
    }
    if (!isIdentifier(type)) {
      throw new TypedDataException(path, "invalid type name '" + type + "'");
    }
    return new Struct(type);
  }

  /** True for a Solidity identifier: a letter, {@code _} or {@code $}, then also digits. */
  static boolean isIdentifier(String name) {
    if (name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isIdentifierStart(c) && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static FieldType parseArray(String type, String path) {
    int open = type.lastIndexOf('[');
    if (open <= 0) {
      throw new TypedDataException(path, "invalid array type '" + type + "'");
    }
    String length = type.substring(open + 1, type.length() - 1);
    if (length.isEmpty()) {
      return new Array(type.substring(0, open), -1);
    }
    return new Array(type.substring(0, open), decimal(length, 1, Integer.MAX_VALUE, type, path));
  }

  private static boolean hasWidth(String type, String prefix) {
    return type.length() > prefix.length()
        && type.startsWith(prefix)
        && type.chars().skip(prefix.length()).allMatch(c -> c >= '0' && c <= '9');
  }

  private static int width(String type, int prefix, int min, int max, int step, String path) {
    int n = decimal(type.substring(prefix), min, max, type, path);
    if (n % step != 0) {
      throw new TypedDataException(path, "unknown type '" + type + "'");
    }
    return n;
  }

  private static int decimal(String digits, int min, int max, String type, String path) {
    boolean canonical =
        !digits.isEmpty()
            && digits.length() <= 10
            && digits.chars().allMatch(c -> c >= '0' && c <= '9')
            && !(digits.length() > 1 && digits.charAt(0) == '0');
    long n = canonical ? Long.parseLong(digits) : -1;
    if (n < min || n > max) {
      throw new TypedDataException(path, "unknown type '" + type + "'");
    }
    return (int) n;
  }
}
