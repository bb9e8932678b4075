package io.crogas.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (Debian's package, installed by {@code tools/install-redis.sh}) on
 * 127.0.0.1 and a spare port, with its data in a temporary directory: an append-only file fsynced
 * at every write ({@code appendfsync always}, what a money journal needs), no RDB snapshots. It can
 * be stopped and started again on the same port and directory, for restart drills; {@link #close()}
 * stops it and deletes the directory.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Path dir;
  private final int port;
  private Process process;

  private RedisServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server with an empty data directory. */
  public static RedisServer start() {
    Path binary = binary();
    try {
      RedisServer server =
          new RedisServer(Files.createTempDirectory("redis-"), LoopbackPorts.free());
      server.launch(binary);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the redis-server directory", e);
    }
  }

  /** {@code redis://127.0.0.1:port}: what {@code CROGAS_STORE} takes. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Whether the server process is running. */
  public boolean running() {
    return process != null && process.isAlive();
  }

  /**
   * Kills the server at once (SIGKILL: no final save, as a crash or a power cut leaves it); what it
   * acknowledged is in its append-only file, fsynced before the answer.
   */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      await(process, STOP_TIMEOUT);
      process = null;
    }
  }

  /** Starts the server again on the same port and directory: it reloads its append-only file. */
  public void restart() {
    kill();
    launch(binary());
  }

  private void launch(Path binary) {
    List<String> command =
        List.of(
            binary.toString(),
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
            "no",
            "--logfile",
            dir.resolve("redis.log").toString());
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    awaitPong();
  }

  /** Asks PING every 20 ms until PONG, the process dies, or {@link #START_TIMEOUT} passes. */
  private void awaitPong() {
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited early; log: " + readLog());
      }
      if (pong()) {
        return;
      }
      try {
        process.waitFor(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for redis-server", e);
      }
    }
    kill();
    throw new IllegalStateException(
        "redis-server did not answer PING within " + START_TIMEOUT + "; log: " + readLog());
  }

  /** One inline PING over a fresh connection; false while the server is loading or not up yet. */
  private boolean pong() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = new byte[7];
      int read = in.readNBytes(answer, 0, answer.length);
      return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException notYet) {
      return false;
    }
  }

  private String readLog() {
    try {
      return Files.readString(dir.resolve("redis.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    kill();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }

  private static void await(Process process, Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** redis-server from the PATH, or where Debian puts it. */
  private static Path binary() {
    Stream<Path> candidates =
        Stream.concat(
            Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, "redis-server")),
            Stream.of(Path.of("/usr/bin/redis-server")));
    return candidates
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "redis-server not found: run tools/install-redis.sh (./test does)"));
  }
}
