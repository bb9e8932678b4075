package io.crogas.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command writes: results on standard output, as one line of JSON with {@code --json} or as
 * readable text otherwise; progress and notes on standard error, so that output stays clean for
 * scripts.
 */
final class Output {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;

  private Output(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  static Output of(CommandSpec spec, boolean json) {
    return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
  }

  boolean json() {
    return json;
  }

  /** A line about what is happening, on standard error. */
  void progress(String line) {
    err.println(line);
    err.flush();
  }

  /** The result: {@code document} as JSON with {@code --json}, else {@code text}. */
  void result(Object document, String text) {
    out.println(json ? write(document) : text);
    out.flush();
  }

  /** {@code text} as it is (a fetched resource), on standard output. */
  void raw(String text) {
    out.print(text);
    out.flush();
  }

  /** A JSON object whose fields keep the order given: {@code fields("a", 1, "b", 2)}. */
  static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  static String write(Object document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
