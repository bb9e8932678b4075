package io.crogas.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crogas x402}: act as an x402 client (pay resources). */
@Command(
    name = "x402",
    mixinStandardHelpOptions = true,
    description = "Pay x402-protected resources.",
    subcommands = X402FetchCommand.class)
public final class X402Command implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: fetch");
  }
}
