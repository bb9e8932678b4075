package io.crogas.cli;

import io.crogas.testkit.Toolchain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node script of crogas-cli/src/test/agents run from the project root (its node_modules): either
 * a server that prints {@code listening PORT} when ready, or a client run to its end. Its standard
 * error goes to a log file the failure messages show.
 */
final class NodeScript implements AutoCloseable {
  private final Process process;
  private final Path log;

  private NodeScript(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static NodeScript start(String script, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "node", Toolchain.root().resolve("crogas-cli/src/test/agents/" + script).toString())
            .directory(Toolchain.root().toFile())
            .redirectError(log.toFile());
    builder.environment().putAll(environment);
    return new NodeScript(builder.start(), log);
  }

  /** Waits (bounded) for the {@code listening PORT} line of a server script. */
  int port(Duration atMost) throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> readLine(lines));
    try {
      String line = first.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || !line.startsWith("listening ")) {
        throw new IllegalStateException("no listening line but " + line + "; log:\n" + log());
      }
      return Integer.parseInt(line.substring("listening ".length()).strip());
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("server script not ready; log:\n" + log(), e);
    }
  }

  /** Waits (bounded) for a client script to end; its standard output. */
  String finish(Duration atMost) throws Exception {
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("script did not finish in " + atMost + "; log:\n" + log());
    }
    String output = out.get(10, TimeUnit.SECONDS);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "script exited " + process.exitValue() + "; output:\n" + output + "\nlog:\n" + log());
    }
    return output;
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private static String readLine(BufferedReader lines) {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
