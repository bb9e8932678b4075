package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crogas status ID}: {@code GET /x402/transactions/{id}}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print a request's state and history (GET /x402/transactions/ID).")
public final class StatusCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "ID", description = "The id exec or the API answered.")
  String id;

  public StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!id.matches("[A-Za-z0-9_.:-]{1,128}")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "not a request id: " + id);
    }
    return AnswerPrinter.print(
        Output.of(spec, json.enabled),
        api.client(context.environment()).get("/x402/transactions/" + id),
        body ->
            (ExecCommand.readable(body) + "\n" + AnswerPrinter.field(body, "history", "history"))
                .stripTrailing());
  }
}
