package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.cli.CroGasCli;
import io.crogas.cli.TestKeystore;
import io.crogas.cli.chain.RpcProbe;
import io.crogas.testkit.Toolchain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  /**
   * Two instances on a local Redis: both hold a relayer key of their own, a gasless call made
   * through the second is confirmed and its status reads the same through the first (one journal),
   * and SIGTERM leaves no redis-server or anvil behind.
   */
  @Test
  void givenTwoInstancesOnRedis_whenCalledThroughOneAndReadThroughTheOther_thenOneJournal()
      throws Exception {
    int apiPort = freePortPair();
    int chainPort = freePort();
    Process dev = devProcess(apiPort, chainPort, "--instances", "2", "--store", "redis").start();
    try {
      JsonNode summary = new ObjectMapper().readTree(firstLine(dev));
      JsonNode instances = summary.get("instances");
      String first = instances.get(0).get("apiUrl").asText();
      String second = instances.get(1).get("apiUrl").asText();
      String redisUri = summary.get("store").asText();
      assertThat(instances).hasSize(2);
      assertThat(first).isEqualTo("http://127.0.0.1:" + apiPort);
      assertThat(second).isEqualTo("http://127.0.0.1:" + (apiPort + 1));
      assertThat(redisUri).startsWith("redis://127.0.0.1:");
      List<String> firstKeys = addresses(instances.get(0).get("heldKeys"));
      List<String> secondKeys = addresses(instances.get(1).get("heldKeys"));
      assertThat(firstKeys).isNotEmpty().doesNotContainAnyElementsOf(secondKeys);
      assertThat(secondKeys).isNotEmpty();
      assertThat(java.util.stream.Stream.concat(firstKeys.stream(), secondKeys.stream()))
          .containsExactlyInAnyOrderElementsOf(addresses(summary.get("relayers")));
      for (String api : List.of(first, second)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(healthStatus(api)).isEqualTo(200));
      }
      Path keystore =
          TestKeystore.of(
              summary.get("demoAccount").get("privateKey").asText(),
              java.nio.file.Files.createDirectories(dir.resolve("keys")));

      CliRun exec =
          CliRun.of(
              Map.of("PW", TestKeystore.PASSWORD),
              "exec",
              "--api",
              second,
              "--keystore",
              keystore.toString(),
              "--password-env",
              "PW",
              "--target",
              summary.get("contracts").get("demoTarget").asText(),
              "--calldata",
              "0x6057361d" + "%064x".formatted(42),
              "--wait",
              "--json");
      JsonNode executed = new ObjectMapper().readTree(exec.out());
      CliRun status = CliRun.of("status", "--api", first, executed.get("id").asText(), "--json");

      assertThat(executed.get("status").asText()).as(exec.toString()).isEqualTo("confirmed");
      JsonNode read = new ObjectMapper().readTree(status.out());
      assertThat(read.get("status").asText()).as(status.toString()).isEqualTo("confirmed");
      assertThat(read.get("txHash").asText())
          .isEqualTo(executed.get("transaction").get("txHash").asText());
      List<ProcessHandle> children = dev.descendants().toList();
      assertThat(children)
          .extracting(child -> child.info().commandLine().orElse(""))
          .anyMatch(command -> command.contains("/redis-"))
          .anyMatch(command -> command.contains("/anvil"));

      dev.destroy();

      assertThat(dev.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      assertThat(listening(chainPort)).isFalse();
      assertThat(listening(java.net.URI.create(redisUri).getPort())).isFalse();
      assertThat(listening(apiPort + 1)).isFalse();
    } finally {
      dev.descendants().forEach(ProcessHandle::destroyForcibly);
      dev.destroyForcibly();
    }
  }

  @Test
  void givenInstancesOutOfRange_whenDevStarts_thenUsageErrorAndNothingStarted() {
    CliRun none = CliRun.of("dev", "--instances", "0", "--data-dir", dir.toString());
    CliRun tooMany = CliRun.of("dev", "--instances", "4", "--store", "redis");
    CliRun unknown = CliRun.of("dev", "--store", "mongo");

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--instances must be 1 to 3");
    assertThat(tooMany.code()).isEqualTo(2);
    assertThat(tooMany.err()).contains("--instances must be 1 to 3");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--store must be sqlite or redis");
    assertThat(dir).isEmptyDirectory();
  }

  private static int healthStatus(String api) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(java.net.URI.create(api + "/health")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static List<String> addresses(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /** {@code crogas dev --json} as its own process on these ports, its log in {@code dev.err}. */
  private ProcessBuilder devProcess(int apiPort, int chainPort, String... more) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
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
                "--json"));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectError(dir.resolve("dev.err").toFile());
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

  /** A free port whose next one is free too (two instances). */
  private static int freePortPair() throws IOException {
    for (int tries = 0; tries < 20; tries++) {
      int port = freePort();
      try (ServerSocket next =
          new ServerSocket(port + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no two consecutive free ports");
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
