package io.crogas.cli.dev;

import io.crogas.cli.CliFailure;
import io.crogas.cli.chain.RpcProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * anvil on 127.0.0.1 with chain id 338 (Cronos testnet), for {@code crogas dev}. It stops on {@link
 * #close} and, through a JVM shutdown hook, on Ctrl-C or SIGTERM: the npm wrapper and the anvil
 * binary it starts are both ended, so no chain is left behind. (Tests use crogas-testkit's
 * AnvilChain, which picks free ports; this one is the user's, on the port asked for.)
 */
public final class LocalChain implements AutoCloseable {
  public static final long CHAIN_ID = 338;

  private final Process process;
  private final int port;
  private final Thread hook;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private LocalChain(Process process, int port) {
    this.process = process;
    this.port = port;
    this.hook = new Thread(this::stop, "crogas-local-chain-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts {@code anvil} on {@code port}, its log in {@code log}, and waits for its RPC. */
  public static LocalChain start(Path anvil, int port, Path log, Duration timeout) {
    requireFree(port);
    List<String> command =
        List.of(
            anvil.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--chain-id",
            Long.toString(CHAIN_ID));
    Process process;
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new CliFailure("cannot start " + anvil, e);
    }
    LocalChain chain = new LocalChain(process, port);
    chain.awaitRpc(timeout, log);
    return chain;
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitRpc(Duration timeout, Path log) {
    RpcProbe probe = new RpcProbe(Duration.ofSeconds(2));
    Instant until = Instant.now().plus(timeout);
    while (process.isAlive() && Instant.now().isBefore(until)) {
      if (probe.chainId(rpcUrl()) instanceof RpcProbe.Answer.ChainIdIs) {
        return;
      }
      pause();
    }
    close();
    throw new CliFailure(
        "anvil did not answer on " + rpcUrl() + " within " + timeout + "; see " + log);
  }

  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new CliFailure(
          "port " + port + " on 127.0.0.1 is taken (another chain?): choose one with --chain-port");
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while waiting for anvil", e);
    }
  }

  /** Stops anvil (idempotent). */
  @Override
  public void close() {
    stop();
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already stopping: the hook runs stop(), which is idempotent
      }
    }
  }

  private void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    // node_modules/.bin/anvil is a Node wrapper around the binary: end both.
    List<ProcessHandle> all =
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    all.forEach(ProcessHandle::destroy);
    all.forEach(handle -> awaitExit(handle, Duration.ofSeconds(5)));
  }

  private static void awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      handle.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    }
  }
}
