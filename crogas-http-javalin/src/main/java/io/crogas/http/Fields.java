package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the members of a JSON object one by one, collecting every problem under the field's dotted
 * path ({@code payment.authorization.value}) instead of stopping at the first, so that a client
 * sees all of them in one 400 answer. Call {@link #check()} once everything is read.
 */
final class Fields {
  private final JsonNode node;
  private final String prefix;
  private final Map<String, String> problems;

  private Fields(JsonNode node, String prefix, Map<String, String> problems) {
    this.node = node;
    this.prefix = prefix;
    this.problems = problems;
  }

  static Fields of(JsonNode object) {
    return new Fields(object, "", new LinkedHashMap<>());
  }

  /** A required nested object; an empty reader (everything missing) if it is absent. */
  Fields object(String name) {
    return optionalObject(name)
        .orElseGet(
            () -> {
              if (!problems.containsKey(path(name))) {
                problems.put(path(name), "is required");
              }
              return new Fields(Json.object(), path(name) + ".", problems);
            });
  }

  Optional<Fields> optionalObject(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      problems.put(path(name), "must be a JSON object");
      return Optional.empty();
    }
    return Optional.of(new Fields(value, path(name) + ".", problems));
  }

  /**
   * A reader of {@code object}, found inside the member {@code name}, sharing this one's problems.
   */
  Fields inside(String name, JsonNode object) {
    return new Fields(object, path(name) + ".", problems);
  }

  /** Records a problem with the member {@code name} found outside a parser. */
  void problem(String name, String why) {
    problems.put(path(name), why);
  }

  /** Every problem found so far, by dotted path. */
  Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  /** The value of a required member, or null after recording why it is unusable. */
  <T> T required(String name, FieldParser<T> parser) {
    if (!has(name)) {
      problems.put(path(name), "is required");
      return null;
    }
    return optional(name, parser).orElse(null);
  }

  <T> Optional<T> optional(String name, FieldParser<T> parser) {
    if (!has(name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.parse(node.get(name)));
    } catch (IllegalArgumentException e) {
      problems.put(path(name), Json.shorten(e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Builds a value from fields already read, once they are all valid; a constructor's refusal is
   * reported under {@code field}.
   */
  <T> T build(String field, Supplier<T> constructor) {
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      problems.put(field.isEmpty() ? self() : path(field), Json.shorten(e.getMessage()));
      return null;
    }
  }

  /** 400 with every problem found, if there is any. */
  void check() {
    if (!problems.isEmpty()) {
      throw ApiException.invalid(
          "invalid request: " + String.join(", ", problems.keySet()), problems);
    }
  }

  /** This object's own path: "body" at the top, else e.g. "payment.authorization". */
  private String self() {
    return prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
  }

  private String path(String name) {
    return prefix + name;
  }

  /** Converts one JSON value, throwing {@link IllegalArgumentException} with the problem. */
  @FunctionalInterface
  interface FieldParser<T> {
    T parse(JsonNode value);
  }
}
