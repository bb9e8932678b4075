package io.crogas.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.cli.ExitCodes;
import io.crogas.cli.client.ApiAnswer;
import java.util.function.Function;

/**
 * Prints a server's answer: the body on standard output (as JSON with {@code --json}, else the
 * readable form), a refusal's code and message on standard error, and the exit code that goes with
 * it (0, 1 for a refusal, 3 when the server reports its chain or relayer unavailable).
 */
final class AnswerPrinter {
  private AnswerPrinter() {}

  static int print(Output output, ApiAnswer answer, Function<JsonNode, String> readable) {
    if (answer.ok()) {
      output.result(answer.body(), readable.apply(answer.body()));
      return ExitCodes.OK;
    }
    if (output.json()) {
      output.result(answer.body(), "");
    }
    output.progress("refused: " + answer.refusal());
    return answer.unavailable() ? ExitCodes.UNAVAILABLE : ExitCodes.REFUSED;
  }

  static String field(JsonNode body, String label, String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull()
        ? ""
        : String.format("%-13s %s%n", label, value.isValueNode() ? value.asText() : value);
  }
}
