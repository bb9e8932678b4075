package io.crogas.cli.command;

import io.crogas.cli.LogFormat;
import picocli.CommandLine.Option;

/**
 * {@code --log-format}: declared so that help shows it and a wrong value is a usage error; the
 * value itself is applied by {@code CroGasCli.main} before the logging backend starts.
 */
final class LogFormatOption {
  @Option(
      names = "--log-format",
      paramLabel = "json|text",
      description =
          "Log lines on standard error as JSON or plain text (default: text for dev, json for"
              + " serve; or CROGAS_LOG_FORMAT).")
  LogFormat format;
}
