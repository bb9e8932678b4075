package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TokenAmount;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Field parsers for the values the API accepts; each refuses with a message for the client. */
final class Values {
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,77}");
  private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,36})?");
  private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  private Values() {}

  static String text(JsonNode value) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException("must be a string, got " + kind(value));
    }
    return value.textValue();
  }

  /** A short label such as a gas level or a scheme name: 1-64 characters. */
  static String label(JsonNode value) {
    String text = text(value);
    if (text.isEmpty() || text.length() > 64) {
      throw new IllegalArgumentException("must be 1-64 characters");
    }
    return text;
  }

  static Address address(JsonNode value) {
    return Address.parse(text(value));
  }

  static Hash32 hash(JsonNode value) {
    return new Hash32(text(value));
  }

  static Signature signature(JsonNode value) {
    return new Signature(text(value));
  }

  static Calldata calldata(JsonNode value) {
    return new Calldata(text(value));
  }

  /**
   * An unsigned 256-bit integer written as a JSON integer or a decimal string (JavaScript clients
   * send strings above 2^53). Fractions, exponents, signs and hex are refused.
   */
  static BigInteger uint256(JsonNode value) {
    BigInteger parsed;
    if (value.isIntegralNumber()) {
      parsed = value.bigIntegerValue();
    } else if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
      parsed = new BigInteger(value.textValue());
    } else {
      throw new IllegalArgumentException(
          "must be a non-negative integer (JSON number or decimal string), got " + kind(value));
    }
    if (parsed.signum() < 0 || parsed.compareTo(UINT256_MAX) > 0) {
      throw new IllegalArgumentException("must be an unsigned 256-bit integer");
    }
    return parsed;
  }

  /** An integer that fits a {@code long}, within {@code min..max}. */
  static long bounded(JsonNode value, long min, long max) {
    BigInteger parsed = uint256(value);
    if (parsed.compareTo(BigInteger.valueOf(min)) < 0
        || parsed.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException("must be within " + min + ".." + max);
    }
    return parsed.longValue();
  }

  /** A token amount as a plain decimal string ("1.5"); no exponents, signs or huge numbers. */
  static TokenAmount amount(JsonNode value, int decimals) {
    String text = text(value);
    if (!AMOUNT.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a decimal string such as \"1.5\"");
    }
    return TokenAmount.parseDecimal(text, decimals);
  }

  private static String kind(JsonNode value) {
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code parser}'s value; its {@link IllegalArgumentException} as a 400 naming {@code field}. */
  static <T> T parsed(String field, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, Json.shorten(e.getMessage()));
    }
  }

  /** A non-empty query parameter. */
  static Optional<String> query(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(text -> !text.isEmpty());
  }

  /** A decimal integer within {@code min..max}. */
  static int integer(String text, int min, int max) {
    String problem = "must be an integer within " + min + ".." + max;
    if (!text.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(problem);
    }
    int value = Integer.parseInt(text);
    if (value < min || value > max) {
      throw new IllegalArgumentException(problem);
    }
    return value;
  }
}
