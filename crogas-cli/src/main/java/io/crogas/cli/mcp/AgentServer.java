package io.crogas.cli.mcp;

import io.crogas.cli.client.ApiClient;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.cli.x402.SpendingCaps;
import io.crogas.domain.model.Address;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The Model Context Protocol server of {@code crogas mcp} over a pair of streams (the process's
 * standard input and output): the official Java SDK's stdio transport with {@link AgentTools}. It
 * runs until the client closes its end of the input.
 */
public final class AgentServer {
  private AgentServer() {}

  /**
   * Serves the tools on {@code in}/{@code out} until {@code in} ends; x402 payments only in {@code
   * assets}, by default the USDC the server at {@code api} names in {@code /health}.
   */
  public static void serve(
      ApiClient api,
      UnlockedKey key,
      SpendingCaps caps,
      Optional<Set<Address>> assets,
      Duration wait,
      String version,
      InputStream in,
      OutputStream out)
      throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    AgentSession session = new AgentSession(api, key, caps, assets, wait);
    McpSyncServer server =
        McpServer.sync(new StdioServerTransportProvider(mapper, new EndWatch(in, ended), out))
            .serverInfo("crogas", version)
            .instructions(
                "CroGas: act on Cronos and pay x402 resources with USDC from the key "
                    + key.address()
                    + ". Spending caps: "
                    + session.spending())
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .jsonMapper(mapper)
            .requestTimeout(wait.plusSeconds(30))
            .tools(AgentTools.all(session, mapper))
            .build();
    try {
      ended.await();
    } finally {
      server.closeGracefully();
    }
  }

  /** Counts {@code ended} down when the stream reaches its end (the client went away). */
  private static final class EndWatch extends FilterInputStream {
    private final CountDownLatch ended;

    EndWatch(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      return seen(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return seen(super.read(buffer, offset, length));
    }

    private int seen(int count) {
      if (count < 0) {
        ended.countDown();
      }
      return count;
    }
  }
}
