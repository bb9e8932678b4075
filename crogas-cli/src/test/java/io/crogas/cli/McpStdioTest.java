package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.testkit.AnvilChain;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crogas mcp} as a process: standard output carries JSON-RPC messages and nothing else (the
 * banner and logs go to standard error), and the server ends with exit 0 when the client closes its
 * input.
 */
class McpStdioTest {
  @TempDir Path dir;

  @Test
  void givenAClientThatInitializesListsAndLeaves_thenStdoutIsOnlyProtocolAndTheServerEnds()
      throws Exception {
    Path keystore = TestKeystore.of(AnvilChain.DEV_KEYS.get(3), dir);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CroGasCli.class.getName(),
                "mcp",
                "--api",
                "http://127.0.0.1:9",
                "--keystore",
                keystore.toString(),
                "--password-env",
                "PW")
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    builder.environment().put("PW", "pw");
    builder.environment().put("CROGAS_LOG_LEVEL", "DEBUG");
    Process server = builder.start();
    try (OutputStream in = server.getOutputStream()) {
      for (String message :
          List.of(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                  + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
              "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
              "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
              "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                  + "\"crogas_balance\",\"arguments\":{}}}")) {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      awaitAnswers(dir.resolve("stdout"), 3);
    }

    boolean ended = server.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      server.destroyForcibly();
    }
    String stderr = Files.readString(dir.resolve("stderr"));
    assertThat(ended).as("server ended after stdin closed; stderr:%n%s", stderr).isTrue();
    assertThat(server.exitValue()).as(stderr).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("stdout"));
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      JsonNode message = HttpJson.MAPPER.readTree(line);
      assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
    }
    JsonNode balance = HttpJson.MAPPER.readTree(lines.get(2)).path("result");
    assertThat(balance.path("isError").asBoolean()).isTrue();
    assertThat(balance.path("content").get(0).path("text").asText()).startsWith("unavailable:");
    assertThat(stderr).contains("crogas mcp: serving tools on stdio");
  }

  /** Bounded wait for {@code count} answers on the server's standard output. */
  private static void awaitAnswers(Path stdout, int count) {
    await(count + " answers on standard output")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(stdout) && Files.readAllLines(stdout).size() >= count);
  }
}
