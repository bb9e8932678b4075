package io.crogas.cli.command;

import io.crogas.cli.client.ApiClient;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which CroGas server a client command talks to. */
final class ApiOptions {
  @Option(
      names = "--api",
      paramLabel = "URL",
      defaultValue = "${CROGAS_API:-http://127.0.0.1:8402}",
      description = "The server's base URL (default \\$CROGAS_API or http://127.0.0.1:8402).")
  URI url;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long to wait for an answer (default 120).")
  long timeoutSeconds;

  ApiClient client() {
    return new ApiClient(url, Duration.ofSeconds(timeoutSeconds));
  }
}
