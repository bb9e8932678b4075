package io.crogas.cli;

import io.crogas.node.ServerLauncher;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process around them: the environment (password and key variables,
 * {@code serve}'s settings) and the way the HTTP API is started.
 */
public record CliContext(Map<String, String> environment, ServerLauncher servers) {
  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(servers, "servers");
  }

  /** The real environment, and the default launcher. */
  public static CliContext system() {
    return new CliContext(System.getenv(), ServerLauncher.DEFAULT);
  }
}
