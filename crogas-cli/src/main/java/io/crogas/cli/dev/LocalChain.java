package io.crogas.cli.dev;

import io.crogas.cli.CliFailure;
import io.crogas.cli.chain.RpcProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * anvil on 127.0.0.1 with chain id 338 (Cronos testnet), for {@code crogas dev}; {@link #close}
 * ends the npm wrapper and the anvil binary it starts, so no chain is left behind. (Tests use
 * crogas-testkit's AnvilChain, which picks free ports; this one is the user's, on the port asked
 * for.)
 */
public final class LocalChain implements AutoCloseable {
  public static final long CHAIN_ID = 338;

  private final LocalProcess process;
  private final int port;

  private LocalChain(LocalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code anvil} on {@code port}, its log in {@code log}, and waits for its RPC. */
  public static LocalChain start(Path anvil, int port, Path log, Duration timeout) {
    requireFree(port);
    LocalChain chain =
        new LocalChain(
            LocalProcess.start(
                List.of(
                    anvil.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--chain-id",
                    Long.toString(CHAIN_ID)),
                log),
            port);
    RpcProbe probe = new RpcProbe(Duration.ofSeconds(2));
    chain.process.awaitReady(
        () -> probe.chainId(chain.rpcUrl()) instanceof RpcProbe.Answer.ChainIdIs,
        timeout,
        "anvil did not answer on " + chain.rpcUrl() + " within " + timeout + "; see " + log);
    return chain;
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new CliFailure(
          "port " + port + " on 127.0.0.1 is taken (another chain?): choose one with --chain-port");
    }
  }

  /** Stops anvil (idempotent). */
  @Override
  public void close() {
    process.stop();
  }
}
