package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.cli.CroGasCli;
import io.crogas.cli.chain.RpcProbe;
import io.crogas.testkit.Toolchain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crogas dev} as a user runs it: its own process, stopped with SIGTERM. */
class DevCommandTest {
  @TempDir Path dir;

  @Test
  void givenFreePorts_whenDevRunsAndIsTerminated_thenItServedTheChainAndLeftNoAnvilBehind()
      throws Exception {
    int apiPort = freePort();
    int chainPort = freePort();
    Process dev = devProcess(apiPort, chainPort).start();
    try {
      JsonNode summary = new ObjectMapper().readTree(firstLine(dev));

      assertThat(summary.get("apiUrl").asText()).isEqualTo("http://127.0.0.1:" + apiPort);
      assertThat(summary.get("rpcUrl").asText()).isEqualTo("http://127.0.0.1:" + chainPort);
      assertThat(summary.get("contracts").get("forwarder").asText()).startsWith("0x");
      assertThat(summary.get("demoAccount").get("address").asText())
          .isEqualTo("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
      assertThat(summary.get("demoAccount").get("usdc").asText()).isEqualTo("1000.000000");
      assertThat(summary.get("relayers")).hasSize(3);
      assertThat(new RpcProbe(Duration.ofSeconds(5)).chainId(summary.get("rpcUrl").asText()))
          .isEqualTo(new RpcProbe.Answer.ChainIdIs(338));
      List<ProcessHandle> children = dev.descendants().toList();
      assertThat(children).isNotEmpty();

      dev.destroy();

      assertThat(dev.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      assertThat(listening(chainPort)).isFalse();
    } finally {
      dev.descendants().forEach(ProcessHandle::destroyForcibly);
      dev.destroyForcibly();
    }
  }

  @Test
  void givenAStoreThatCannotBeOpened_whenDevStarts_thenExitThreeAndNoAnvilLeft() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("crogas.db")); // a directory, not a file
    int chainPort = freePort();
    Process dev =
        devProcess(freePort(), chainPort).redirectOutput(dir.resolve("dev.out").toFile()).start();
    try {
      assertThat(dev.waitFor(120, TimeUnit.SECONDS)).isTrue();

      String err = java.nio.file.Files.readString(dir.resolve("dev.err"));
      assertThat(dev.exitValue()).as(err).isEqualTo(3);
      assertThat(err).contains("crogas dev: cannot open the store");
      assertThat(listening(chainPort)).isFalse();
    } finally {
      dev.descendants().forEach(ProcessHandle::destroyForcibly);
      dev.destroyForcibly();
    }
  }

  /** {@code crogas dev --json} as its own process on these ports, its log in {@code dev.err}. */
  private ProcessBuilder devProcess(int apiPort, int chainPort) {
    return new ProcessBuilder(
            javaBin(),
            "-Dcrogas.root=" + Toolchain.root(),
            "-cp",
            System.getProperty("java.class.path"),
            CroGasCli.class.getName(),
            "dev",
            "--port",
            Integer.toString(apiPort),
            "--chain-port",
            Integer.toString(chainPort),
            "--data-dir",
            dir.toString(),
            "--json")
        .redirectError(dir.resolve("dev.err").toFile());
  }

  private String firstLine(Process dev) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("dev printed nothing; stderr in " + dir.resolve("dev.err")).isNotNull();
    return line;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
