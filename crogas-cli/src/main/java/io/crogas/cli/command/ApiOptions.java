package io.crogas.cli.command;

import io.crogas.cli.client.ApiClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which CroGas server a client command talks to, and the API key it sends: {@code CROGAS_API_KEY}
 * from the environment (never an option: keys do not belong in a process list or shell history).
 */
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

  static final String API_KEY = "CROGAS_API_KEY";

  ApiClient client(Map<String, String> environment) {
    return new ApiClient(
        url,
        Duration.ofSeconds(timeoutSeconds),
        Optional.ofNullable(environment.get(API_KEY)).filter(key -> !key.isBlank()));
  }
}
