package io.crogas.cli;

import io.crogas.http.ApiSettings;
import io.crogas.node.CroGasNode;
import io.crogas.node.HttpServerLauncher;
import io.crogas.node.ServerLauncher;
import java.util.List;
import java.util.Optional;

/**
 * The child JVM of {@link InstanceKillDrillTest}: one instance serving the HTTP API on a free
 * loopback port until it is killed. Arguments: rpcUrl forwarder usdc store relayerKey...; system
 * properties as {@link CrashDrill#config}. Prints {@code listening URL} once it answers.
 */
public final class ServedDrillInstance {
  private ServedDrillInstance() {}

  public static void main(String[] args) throws Exception {
    CroGasNode node =
        CroGasNode.start(
            CrashDrill.config(
                args[0], args[1], args[2], args[3], List.of(args).subList(4, args.length)));
    ServerLauncher.RunningServer server =
        new HttpServerLauncher()
            .start(
                node,
                new ServerLauncher.ApiEndpoint(
                    "127.0.0.1",
                    ServedNetwork.freePort(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    ApiSettings.Access.open()));
    System.out.println("listening " + server.url());
    System.out.println("holds " + node.heldKeys());
    Thread.sleep(Long.MAX_VALUE); // until the parent kills this process
  }
}
