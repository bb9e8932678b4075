package io.crogas.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How log lines look on standard error: JSON for a log collector ({@code serve}'s default), plain
 * text for a person at a terminal ({@code dev}'s default). The choice has to be made before the
 * logging backend starts, so {@link CroGasCli#main} makes it from the raw arguments and passes it
 * to logback.xml as the {@value #PROPERTY} system property.
 */
public enum LogFormat {
  JSON,
  TEXT;

  /** The system property logback.xml reads to pick its appender. */
  public static final String PROPERTY = "crogas.log.format";

  static final String OPTION = "--log-format";
  static final String VARIABLE = "CROGAS_LOG_FORMAT";

  /**
   * {@code --log-format} wins, then {@code CROGAS_LOG_FORMAT}, then the command's default. A value
   * that is neither format is left to picocli's option check, which reports it.
   */
  static LogFormat choose(String[] args, Map<String, String> environment) {
    return option(args)
        .or(() -> parse(environment.get(VARIABLE)))
        .orElse(isDev(args) ? TEXT : JSON);
  }

  /** Sets {@value #PROPERTY} unless the JVM was started with it. */
  static void apply(String[] args, Map<String, String> environment) {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, choose(args, environment).name());
    }
  }

  private static Optional<LogFormat> option(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        return parse(args[i + 1]);
      }
      if (args[i].startsWith(OPTION + "=")) {
        return parse(args[i].substring(OPTION.length() + 1));
      }
    }
    return Optional.empty();
  }

  private static boolean isDev(String[] args) {
    return args.length > 0 && args[0].equals("dev");
  }

  private static Optional<LogFormat> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> Optional.of(JSON);
      case "text" -> Optional.of(TEXT);
      default -> Optional.empty();
    };
  }
}
