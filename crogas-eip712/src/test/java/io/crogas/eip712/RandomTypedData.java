package io.crogas.eip712;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministically seeded typed-data documents that cover every EIP-712 feature: all widths of
 * uintN, intN and bytesN with extreme values, bool, address, bytes, string (unicode too), fixed and
 * dynamic arrays, nested arrays, arrays of structs, nested structs, struct names whose sort order
 * matters, and every subset of the domain fields. Values come in each form the API accepts.
 */
final class RandomTypedData {
  private static final List<String> STRUCT_NAMES =
      List.of("Order", "Asset", "$Vault", "_Item", "Zone", "apple", "Leg", "Mail", "Person", "B2");
  private static final List<String> TEXTS =
      List.of(
          "",
          "Hello, Bob!",
          "héllo wörld",
          "日本語のテキスト",
          "emoji 🚀🔥 and 𝄞",
          "quote \" backslash \\ newline \n tab \t",
          "combining e\u0301 and RTL \u05e9\u05dc\u05d5\u05dd",
          "a".repeat(200));

  private final Random random;

  RandomTypedData(long seed) {
    this.random = new Random(seed);
  }

  /** A document whose domain has the fields of bit set {@code domainSubset} (0 to 31). */
  TypedData document(int domainSubset) {
    Map<String, List<TypedData.Field>> types = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(STRUCT_NAMES);
    java.util.Collections.shuffle(names, random);
    List<String> structs = names.subList(0, 1 + random.nextInt(4));
    for (int i = 0; i < structs.size(); i++) {
      List<TypedData.Field> fields = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int f = 0; f < count; f++) {
        fields.add(new TypedData.Field("f" + f, withArrays(atomicType())));
      }
      types.put(structs.get(i), fields);
    }
    for (int j = 1; j < structs.size(); j++) {
      String referrer = structs.get(random.nextInt(j));
      List<TypedData.Field> fields = types.get(referrer);
      fields.add(new TypedData.Field("ref" + j, withArrays(structs.get(j))));
    }
    TypedData shape = new TypedData(types, structs.get(0), domain(domainSubset), Map.of());
    return withMessage(shape, structValue(types, structs.get(0)));
  }

  /** A document with one field of every integer width, at the edges of its range. */
  TypedData allIntegerWidths() {
    List<TypedData.Field> fields = new ArrayList<>();
    Map<String, Object> message = new LinkedHashMap<>();
    for (int bits = 8; bits <= 256; bits += 8) {
      BigInteger max = BigInteger.TWO.pow(bits).subtract(BigInteger.ONE);
      BigInteger min = BigInteger.TWO.pow(bits - 1).negate();
      fields.add(new TypedData.Field("u" + bits, "uint" + bits));
      fields.add(new TypedData.Field("i" + bits, "int" + bits));
      fields.add(new TypedData.Field("n" + bits, "int" + bits + "[3]"));
      message.put("u" + bits, bits % 16 == 0 ? max : "0x" + max.toString(16));
      message.put("i" + bits, bits % 16 == 0 ? min : min.toString());
      message.put(
          "n" + bits, List.of(min.shiftRight(1).add(BigInteger.ONE), -1L, max.shiftRight(1)));
    }
    return new TypedData(Map.of("Widths", fields), "Widths", domain(31), message);
  }

  /** A document with one field of every bytesN, plus bool and address extremes. */
  TypedData allFixedBytes() {
    List<TypedData.Field> fields = new ArrayList<>();
    Map<String, Object> message = new LinkedHashMap<>();
    for (int n = 1; n <= 32; n++) {
      fields.add(new TypedData.Field("b" + n, "bytes" + n));
      message.put(
          "b" + n, n % 2 == 0 ? bytes(n) : Hex.encode(bytes(n)).toUpperCase().replace("0X", "0x"));
    }
    fields.add(new TypedData.Field("yes", "bool"));
    fields.add(new TypedData.Field("no", "bool"));
    fields.add(new TypedData.Field("zero", "address"));
    fields.add(new TypedData.Field("ones", "address"));
    message.put("yes", true);
    message.put("no", false);
    message.put("zero", new byte[20]);
    message.put("ones", "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    return new TypedData(Map.of("Fixed", fields), "Fixed", domain(15), message);
  }

  Eip712Domain domain(int subset) {
    return new Eip712Domain(
        (subset & 1) != 0 ? pick(TEXTS) : null,
        (subset & 2) != 0 ? Integer.toString(random.nextInt(10)) : null,
        (subset & 4) != 0 ? chainId() : null,
        (subset & 8) != 0 ? bytes(20) : null,
        (subset & 16) != 0 ? bytes(32) : null);
  }

  private static TypedData withMessage(TypedData shape, Map<String, Object> message) {
    return new TypedData(shape.types(), shape.primaryType(), shape.domain(), message);
  }

  private BigInteger chainId() {
    return switch (random.nextInt(4)) {
      case 0 -> BigInteger.valueOf(338);
      case 1 -> BigInteger.valueOf(25);
      case 2 -> BigInteger.ONE;
      default -> new BigInteger(64, random);
    };
  }

  private String atomicType() {
    return switch (random.nextInt(8)) {
      case 0 -> "uint" + 8 * (1 + random.nextInt(32));
      case 1 -> "int" + 8 * (1 + random.nextInt(32));
      case 2 -> "bytes" + (1 + random.nextInt(32));
      case 3 -> "bool";
      case 4 -> "address";
      case 5 -> "bytes";
      case 6 -> "string";
      default -> "uint256";
    };
  }

  private String withArrays(String type) {
    String result = type;
    int dimensions = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
    for (int d = 0; d < dimensions; d++) {
      result += random.nextBoolean() ? "[]" : "[" + (1 + random.nextInt(3)) + "]";
    }
    return result;
  }

  private Map<String, Object> structValue(Map<String, List<TypedData.Field>> types, String type) {
    Map<String, Object> value = new LinkedHashMap<>();
    for (TypedData.Field field : types.get(type)) {
      value.put(field.name(), value(types, field.type()));
    }
    return value;
  }

  private Object value(Map<String, List<TypedData.Field>> types, String type) {
    FieldType parsed = FieldType.parse(type, "test");
    if (parsed instanceof FieldType.Struct struct) {
      return structValue(types, struct.name());
    }
    if (parsed instanceof FieldType.Array array) {
      int length = array.length() >= 0 ? array.length() : random.nextInt(4);
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        elements.add(value(types, array.element()));
      }
      return elements;
    }
    FieldType.Atomic atomic = (FieldType.Atomic) parsed;
    return switch (atomic.kind()) {
      case UINT -> integerForm(unsigned(atomic.size()));
      case INT -> integerForm(signed(atomic.size()));
      case FIXED_BYTES -> bytesForm(bytes(atomic.size()));
      case BOOL -> random.nextBoolean();
      case ADDRESS -> addressForm(bytes(20));
      case BYTES ->
          bytesForm(bytes(random.nextInt(8) == 0 ? 137 + random.nextInt(300) : random.nextInt(70)));
      case STRING -> random.nextBoolean() ? pick(TEXTS) : randomText();
    };
  }

  private BigInteger unsigned(int bits) {
    return switch (random.nextInt(5)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.TWO.pow(bits).subtract(BigInteger.ONE);
      case 2 -> new BigInteger(Math.min(bits, 10), random);
      default -> new BigInteger(bits, random);
    };
  }

  private BigInteger signed(int bits) {
    BigInteger half = BigInteger.TWO.pow(bits - 1);
    return switch (random.nextInt(6)) {
      case 0 -> half.negate();
      case 1 -> half.subtract(BigInteger.ONE);
      case 2 -> BigInteger.ONE.negate();
      case 3 -> BigInteger.ZERO;
      default -> new BigInteger(bits, random).subtract(half);
    };
  }

  private Object integerForm(BigInteger value) {
    return switch (random.nextInt(4)) {
      case 0 -> value.toString();
      case 1 -> (value.signum() < 0 ? "-0x" : "0x") + value.abs().toString(16);
      case 2 -> value.bitLength() < 63 ? (Object) value.longValue() : value;
      default -> value;
    };
  }

  private Object bytesForm(byte[] bytes) {
    return random.nextBoolean() ? bytes : Hex.encode(bytes);
  }

  private Object addressForm(byte[] address) {
    return switch (random.nextInt(3)) {
      case 0 -> address;
      case 1 -> Hex.encode(address);
      default -> Eip55.checksum(address);
    };
  }

  private String randomText() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f));
    }
    return text.toString();
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
