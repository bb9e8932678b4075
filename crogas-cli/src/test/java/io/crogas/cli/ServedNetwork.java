package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import io.crogas.http.ApiSettings;
import io.crogas.node.CroGasNode;
import io.crogas.node.HttpServerLauncher;
import io.crogas.node.NodeInternals;
import io.crogas.node.ServerLauncher;
import io.crogas.node.StoreLocation;
import io.crogas.testfixtures.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The whole stack an outside client talks to: a {@link LocalNetwork} (anvil with the real
 * contracts), a {@link CroGasNode} on it (optionally through a {@link FaultyRpcProxy}) and the real
 * HTTP server with the dev faucet, on a free loopback port.
 */
final class ServedNetwork implements AutoCloseable {
  /**
   * Behind the proxy, the node's RPC URL carries this, as a provider's URL carries an API key: no
   * answer may ever show it.
   */
  static final String RPC_KEY = "k3y-0f-the-rpc-pr0vider";

  final LocalNetwork network;

  /**
   * The server's clock, standing still until a test moves it: it ages cached health readings and
   * times rate-limit windows. Started with {@link #start(Path, int, MutableClock)}, the node reads
   * it too (quotes, deadlines); otherwise the node runs on real time.
   */
  final MutableClock clock;

  final Optional<FaultyRpcProxy> proxy;
  final CroGasNode node;
  final ServerLauncher.RunningServer server;
  final HttpJson api;

  private ServedNetwork(
      LocalNetwork network,
      Optional<FaultyRpcProxy> proxy,
      CroGasNode node,
      ServerLauncher.RunningServer server,
      MutableClock clock) {
    this.network = network;
    this.clock = clock;
    this.proxy = proxy;
    this.node = node;
    this.server = server;
    this.api = new HttpJson(server.url());
  }

  /** The node talks to anvil directly; anonymous callers welcome. */
  static ServedNetwork start(Path dir, int relayers) {
    return start(dir, relayers, false, Optional.empty(), ApiSettings.Access.open());
  }

  /** The node talks to anvil directly and keeps its data in {@code store} (e.g. a Redis). */
  static ServedNetwork start(StoreLocation store, int relayers) {
    return start(store, relayers, false, Optional.empty(), ApiSettings.Access.open());
  }

  /** The node talks to anvil directly; the node and the server both read {@code clock}. */
  static ServedNetwork start(Path dir, int relayers, MutableClock clock) {
    return start(dir, relayers, false, Optional.of(clock), ApiSettings.Access.open());
  }

  /** The node talks to anvil directly; the API admits callers as {@code access} says. */
  static ServedNetwork start(Path dir, int relayers, ApiSettings.Access access) {
    return start(dir, relayers, false, Optional.empty(), access);
  }

  /** The node talks to anvil through a {@link FaultyRpcProxy} (faults off) that can go down. */
  static ServedNetwork startBehindProxy(Path dir, int relayers) {
    return start(dir, relayers, true, Optional.empty(), ApiSettings.Access.open());
  }

  /** The store file the node and the server use. */
  static Path store(Path dir) {
    return dir.resolve("served.db");
  }

  private static ServedNetwork start(
      Path dir,
      int relayers,
      boolean proxied,
      Optional<MutableClock> nodeClock,
      ApiSettings.Access access) {
    return start(new StoreLocation.SqliteFile(store(dir)), relayers, proxied, nodeClock, access);
  }

  private static ServedNetwork start(
      StoreLocation store,
      int relayers,
      boolean proxied,
      Optional<MutableClock> nodeClock,
      ApiSettings.Access access) {
    LocalNetwork network = LocalNetwork.start();
    Optional<FaultyRpcProxy> proxy = Optional.empty();
    CroGasNode node = null;
    try {
      if (proxied) {
        proxy = Optional.of(new FaultyRpcProxy(network.anvil.rpcUrl(), Duration.ofMillis(100)));
      }
      String rpcUrl = proxy.map(p -> p.url() + "/v2/" + RPC_KEY).orElse(network.anvil.rpcUrl());
      MutableClock clock = nodeClock.orElseGet(() -> new MutableClock(Instant.now()));
      InstantSource nodeTime = nodeClock.isPresent() ? clock : InstantSource.system();
      node =
          CroGasNode.start(
              network
                  .config(rpcUrl, relayers, Path.of("unused"), nodeTime)
                  .store(store)
                  .rpcTimeout(Duration.ofSeconds(2))
                  .build(),
              nodeTime);
      ServerLauncher.RunningServer server =
          new HttpServerLauncher(clock)
              .start(
                  node,
                  new ServerLauncher.ApiEndpoint(
                      "127.0.0.1",
                      freePort(),
                      Optional.of(network.minter()),
                      java.util.List.of(),
                      Optional.empty(),
                      Optional.empty(),
                      access));
      return new ServedNetwork(network, proxy, node, server, clock);
    } catch (IOException | RuntimeException e) {
      if (node != null) {
        node.close();
      }
      proxy.ifPresent(FaultyRpcProxy::close);
      network.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Ages every cached health reading out. */
  void passHealthTtl() {
    clock.advance(HttpServerLauncher.HEALTH_TTL);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** {@code token.balanceOf(owner)} of the fee token, read from the chain. */
  BigInteger usdcBalance(Address owner) {
    return NodeInternals.chain(node).tokenBalance(node.usdc().token(), owner);
  }

  /**
   * Waits (bounded) until {@code owner} holds {@code expected} USDC; a settlement may be pending.
   */
  void awaitUsdcBalance(Address owner, BigInteger expected) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(usdcBalance(owner)).as("USDC of %s", owner).isEqualTo(expected));
  }

  /** The receipt anvil holds for {@code txHash} ({@code null} JSON when there is none). */
  JsonNode receipt(String txHash) {
    return rpc("eth_getTransactionReceipt", "[\"" + txHash + "\"]");
  }

  /** Transactions {@code account} has sent (its pending nonce). */
  long transactionCount(Address account) {
    return Long.decode(
        rpc("eth_getTransactionCount", "[\"" + account + "\",\"pending\"]").asText());
  }

  /** The {@code result} of a JSON-RPC call to anvil (not through the node's proxy). */
  JsonNode rpc(String method, String params) {
    try {
      JsonNode answer = HttpJson.MAPPER.readTree(network.anvil.rpc(method, params));
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer);
      }
      return answer.get("result");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(method + " answered no JSON", e);
    }
  }

  @Override
  public void close() {
    server.close();
    node.close();
    proxy.ifPresent(FaultyRpcProxy::close);
    network.close();
  }
}
