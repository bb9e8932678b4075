package io.crogas.cli.command;

import io.crogas.cli.keys.PasswordSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a keystore password comes from: an environment variable or the first line of a file, never
 * the command line itself (it would show in {@code ps} and shell history).
 */
final class PasswordOptions {
  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "Read the keystore password from environment variable NAME.")
  String environment;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the keystore password from the first line of FILE.")
  Path file;

  PasswordSource source() {
    return environment != null
        ? new PasswordSource.Environment(environment)
        : new PasswordSource.File(file);
  }
}
