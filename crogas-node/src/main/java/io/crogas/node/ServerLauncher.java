package io.crogas.node;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Receipt;
import io.crogas.http.ApiSettings;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Starts the HTTP API (REST, x402 facilitator, pages) in front of a running {@link CroGasNode}: the
 * one call {@code crogas dev} and {@code crogas serve} make to serve. {@link #DEFAULT} serves it
 * with the Javalin adapter ({@link HttpServerLauncher}).
 */
@FunctionalInterface
public interface ServerLauncher {
  /** The launcher {@code crogas dev} and {@code crogas serve} use. */
  ServerLauncher DEFAULT = new HttpServerLauncher();

  /** Serves {@code node} on {@code endpoint}; the answer stops it when closed. */
  RunningServer start(CroGasNode node, ApiEndpoint endpoint);

  /**
   * Where to listen, the test-USDC faucet where the configuration has one (dev, testnets), the
   * origins CORS allows (empty: same origin only; {@code *}: any), the explorer page a transaction
   * hash is appended to (empty on a chain no public explorer shows, such as {@code crogas dev}'s
   * local anvil), the bearer token {@code /metrics} requires (empty: open), and who may call what
   * within which limits (API keys, anonymous callers, trusted proxies).
   */
  record ApiEndpoint(
      String host,
      int port,
      Optional<UsdcMinter> faucet,
      java.util.List<String> corsOrigins,
      Optional<String> explorerTxUrl,
      Optional<String> metricsToken,
      ApiSettings.Access access) {
    public ApiEndpoint {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("a host to listen on is required");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("a port is within 1..65535, got " + port);
      }
      corsOrigins = java.util.List.copyOf(corsOrigins);
      java.util.Objects.requireNonNull(explorerTxUrl, "explorerTxUrl");
      java.util.Objects.requireNonNull(metricsToken, "metricsToken");
      java.util.Objects.requireNonNull(access, "access");
    }

    /** {@code /metrics} open, anonymous callers welcome ({@link ApiSettings.Access#open()}). */
    public ApiEndpoint(
        String host,
        int port,
        Optional<UsdcMinter> faucet,
        java.util.List<String> corsOrigins,
        Optional<String> explorerTxUrl) {
      this(
          host,
          port,
          faucet,
          corsOrigins,
          explorerTxUrl,
          Optional.empty(),
          ApiSettings.Access.open());
    }

    /** Same origin only, no explorer links: a local chain. */
    public ApiEndpoint(String host, int port, Optional<UsdcMinter> faucet) {
      this(host, port, faucet, java.util.List.of(), Optional.empty());
    }

    public String url() {
      return "http://" + host + ":" + port;
    }
  }

  /** Mints test USDC (for {@code POST /faucet/usdc}). */
  @FunctionalInterface
  interface UsdcMinter {
    Receipt mint(Address to, BigInteger atomic);
  }

  /** A server that is running. */
  interface RunningServer extends AutoCloseable {
    /** The API's base URL, e.g. {@code http://127.0.0.1:8402}. */
    String url();

    @Override
    void close();
  }
}
