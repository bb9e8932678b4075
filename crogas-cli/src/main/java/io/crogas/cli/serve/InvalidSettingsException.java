package io.crogas.cli.serve;

import java.util.List;

/** The configuration is missing or wrong; the message lists every problem (exit code 2). */
public final class InvalidSettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingsException(List<String> problems) {
    super("invalid configuration:\n  " + String.join("\n  ", problems));
  }
}
