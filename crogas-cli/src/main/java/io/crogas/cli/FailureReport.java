package io.crogas.cli;

import io.crogas.domain.CroGasException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a command's failure as one line on standard error (no stack trace for the failures a user
 * meets) and answers its exit code.
 */
final class FailureReport implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, ParseResult parseResult) {
    command.getErr().println("crogas " + command.getCommandName() + ": " + describe(failure));
    command.getErr().flush();
    return ExitCodes.of(failure);
  }

  private static String describe(Throwable failure) {
    boolean expected =
        failure instanceof CroGasException
            || failure instanceof IllegalArgumentException
            || failure instanceof UncheckedIOException
            || failure instanceof CliFailure;
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    return expected ? message : failure.getClass().getName() + ": " + message;
  }
}
