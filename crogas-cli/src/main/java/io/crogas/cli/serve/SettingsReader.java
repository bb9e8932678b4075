package io.crogas.cli.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads settings one by one, collecting every problem so that one run names them all; {@link
 * #check} throws if there were any. A value that failed to read comes back empty.
 */
final class SettingsReader {
  private final SettingsSource source;
  private final List<String> problems = new ArrayList<>();

  SettingsReader(SettingsSource source) {
    this.source = source;
  }

  <T> Optional<T> required(Setting setting, Function<String, T> parse) {
    Optional<String> value = source.value(setting);
    if (value.isEmpty()) {
      problems.add(setting.label() + " is required");
      return Optional.empty();
    }
    return parse(setting, value.get(), parse);
  }

  <T> Optional<T> optional(Setting setting, String fallback, Function<String, T> parse) {
    return parse(setting, source.value(setting).orElse(fallback), parse);
  }

  /**
   * The parsed value when the setting is given, else {@code fallback}: the node's or a policy's own
   * default, so that serve never restates it.
   */
  <T> Optional<T> withDefault(Setting setting, T fallback, Function<String, T> parse) {
    Optional<String> value = source.value(setting);
    return value.isPresent() ? parse(setting, value.get(), parse) : Optional.of(fallback);
  }

  /** The parsed value when the setting is given; empty when it is not (or did not read). */
  <T> Optional<T> ifSet(Setting setting, Function<String, T> parse) {
    return source.value(setting).flatMap(value -> parse(setting, value, parse));
  }

  Optional<String> raw(Setting setting) {
    return source.value(setting);
  }

  void problem(String problem) {
    problems.add(problem);
  }

  void check() {
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
  }

  private <T> Optional<T> parse(Setting setting, String value, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(value));
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(setting.label() + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
