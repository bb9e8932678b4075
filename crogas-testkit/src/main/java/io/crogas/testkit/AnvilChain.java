package io.crogas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real anvil node on 127.0.0.1, started from the repository's pinned npm package and stopped on
 * {@link #close()}. Its ten dev accounts come from anvil's default mnemonic.
 */
public final class AnvilChain implements AutoCloseable {
  /** Private keys of anvil's first dev accounts (the well-known "test test ... junk" mnemonic). */
  public static final List<String> DEV_KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");

  /** Addresses of the keys in {@link #DEV_KEYS}, in the same order. */
  public static final List<String> DEV_ADDRESSES =
      List.of(
          "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
          "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
          "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
          "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
          "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");

  private final Process process;
  private final int port;
  private final long chainId;
  private final Path log;

  private AnvilChain(Process process, int port, long chainId, Path log) {
    this.process = process;
    this.port = port;
    this.chainId = chainId;
    this.log = log;
  }

  /** Starts anvil with chain id 338 (Cronos testnet) and automine. */
  public static AnvilChain start() {
    return start(338, List.of());
  }

  /** Starts anvil with the given chain id and extra command-line arguments. */
  public static AnvilChain start(long chainId, List<String> extraArgs) {
    Path anvil = Toolchain.bin("anvil");
    int port = LoopbackPorts.free();
    List<String> command = new ArrayList<>();
    command.add(anvil.toString());
    command.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--chain-id",
            Long.toString(chainId),
            "--silent"));
    command.addAll(extraArgs);
    try {
      Path log = Files.createTempFile("anvil-" + port + "-", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      AnvilChain chain = new AnvilChain(process, port, chainId, log);
      chain.awaitReady(Duration.ofSeconds(30));
      return chain;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start anvil", e);
    }
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long chainId() {
    return chainId;
  }

  /** Sends one JSON-RPC request and returns the raw response body. */
  public String rpc(String method, String paramsJson) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + paramsJson
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(rpcUrl()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HttpHolder.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException("anvil RPC " + method + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during anvil RPC " + method, e);
    }
  }

  private void awaitReady(Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("anvil exited early; log: " + readLog());
      }
      try {
        if (rpc("eth_chainId", "[]").contains("\"result\"")) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // still starting
      }
      sleep(50);
    }
    close();
    throw new IllegalStateException(
        "anvil did not answer within " + timeout + "; log: " + readLog());
  }

  private String readLog() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for anvil", e);
    }
  }

  private static final class HttpHolder {
    static final HttpClient CLIENT =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }
}
