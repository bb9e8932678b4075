package io.crogas.cli;

/**
 * The stand-in until the HTTP adapter is wired in: serves nothing, so {@code dev} and {@code serve}
 * print the chain and the addresses and keep the node (and its relay engine) running.
 */
final class ConsoleOnlyServer implements ServerLauncher {
  @Override
  public RunningServer start(CroGasNode node, ApiEndpoint endpoint) {
    return new RunningServer() {
      @Override
      public String url() {
        return endpoint.url();
      }

      @Override
      public boolean servesHttp() {
        return false;
      }

      @Override
      public void close() {
        // nothing was started
      }
    };
  }
}
