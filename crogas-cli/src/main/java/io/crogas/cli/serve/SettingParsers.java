package io.crogas.cli.serve;

import io.crogas.cli.chain.GasPricing;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.GasTier;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.TierTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** How each kind of setting is read from its text; a refusal says what was expected. */
final class SettingParsers {
  private SettingParsers() {}

  static Function<String, Long> integer(long min, long max) {
    return text -> {
      long value;
      try {
        value = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected an integer, got " + text, e);
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be within " + min + ".." + max + ", got " + value);
      }
      return value;
    };
  }

  static Function<String, Duration> seconds(long min, long max) {
    return integer(min, max).andThen(Duration::ofSeconds);
  }

  /** A name for this instance: 1 to 64 letters, digits, dots, dashes or underscores. */
  static String instanceId(String text) {
    if (!text.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "expected 1 to 64 letters, digits, '.', '-' or '_', got " + text);
    }
    return text;
  }

  static String httpUrl(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + text, e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("expected an http(s):// URL, got " + text);
    }
    return text;
  }

  static GasPricing pricing(String text) {
    return GasPricing.named(text)
        .orElseThrow(
            () -> new IllegalArgumentException("expected cronos, eip1559 or legacy, got " + text));
  }

  static BigDecimal positiveDecimal(String text) {
    BigDecimal value = decimal(text);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("must be positive, got " + text);
    }
    return value;
  }

  /** CRO as a decimal, e.g. {@code 0.5}; at most 18 decimals (one wei). */
  static Wei cro(String text) {
    try {
      return new Wei(positiveDecimal(text).movePointRight(18).toBigIntegerExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("CRO has at most 18 decimals, got " + text, e);
    }
  }

  static BigDecimal nonNegativeDecimal(String text) {
    BigDecimal value = decimal(text);
    if (value.signum() < 0) {
      throw new IllegalArgumentException("must be zero or more, got " + text);
    }
    return value;
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a decimal number, got " + text, e);
    }
  }

  static BigInteger gas(String text) {
    return BigInteger.valueOf(integer(21_000, 30_000_000).apply(text));
  }

  static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** {@code *} or origins such as {@code https://app.example}; browsers send no path. */
  static List<String> origins(String text) {
    List<String> origins = list(text);
    for (String origin : origins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            "expected * or origins like https://app.example (scheme and host, no path): " + origin);
      }
    }
    return origins;
  }

  static Set<Address> addresses(String text) {
    return Set.copyOf(list(text).stream().map(Address::parse).toList());
  }

  static List<Path> paths(String text) {
    List<Path> paths = list(text).stream().map(Path::of).toList();
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("expected at least one keystore path");
    }
    return paths;
  }

  /** {@code name:feeCapPercent:tipPercent:queuePriority,...}; a {@code normal} tier is required. */
  static TierTable tiers(String text) {
    List<GasTier> tiers = list(text).stream().map(SettingParsers::tier).toList();
    TierTable table = TierTable.of(tiers);
    if (table.find("normal").isEmpty()) {
      throw new IllegalArgumentException("a tier named normal is required (the default tier)");
    }
    return table;
  }

  private static GasTier tier(String text) {
    String[] parts = text.split(":");
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "a tier is name:feeCapPercent:tipPercent:queuePriority, got " + text);
    }
    Function<String, Long> percent = integer(0, 10_000);
    return new GasTier(
        parts[0],
        percent.apply(parts[1]).intValue(),
        percent.apply(parts[2]).intValue(),
        integer(0, 100).apply(parts[3]).intValue());
  }
}
