package io.crogas.cli.dev;

import io.crogas.cli.CliFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code redis-server} for {@code crogas dev --store redis}: on 127.0.0.1 and a spare port, its
 * append-only file (fsynced at every write, as docs/operations.md asks of a money journal) and log
 * in {@code dir}, so a later {@code crogas dev} on the same data directory finds its journal again.
 * (Tests use crogas-testkit's RedisServer, which also kills and restarts it for drills.)
 */
public final class LocalRedis implements AutoCloseable {
  private final LocalProcess process;
  private final int port;

  private LocalRedis(LocalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code redisServer} with its data in {@code dir} and waits until it answers PING. */
  public static LocalRedis start(Path redisServer, Path dir, Duration timeout) {
    int port = sparePort();
    Path log = dir.resolve("redis.log");
    LocalRedis redis =
        new LocalRedis(
            LocalProcess.start(
                List.of(
                    redisServer.toString(),
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--dir",
                    dir.toString(),
                    "--appendonly",
                    "yes",
                    "--appendfsync",
                    "always",
                    "--save",
                    "",
                    "--protected-mode",
                    "yes",
                    "--daemonize",
                    "no"),
                log),
            port);
    redis.process.awaitReady(
        redis::answersPing,
        timeout,
        "redis-server did not answer on 127.0.0.1:" + port + " within " + timeout + "; see " + log);
    return redis;
  }

  /** {@code redis://127.0.0.1:port}, what {@code CROGAS_STORE} takes. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  // PONG, not just an open port: Redis answers -LOADING while it replays its append-only file.
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] answer = socket.getInputStream().readNBytes(5);
      return "+PONG".equals(new String(answer, StandardCharsets.US_ASCII));
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int sparePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new CliFailure("no spare port on 127.0.0.1 for redis-server", e);
    }
  }

  /** Stops redis-server (SIGTERM: it flushes its append-only file; idempotent). */
  @Override
  public void close() {
    process.stop();
  }
}
