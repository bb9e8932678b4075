package io.crogas.node.violation;

import io.crogas.cli.CroGasCli;

/** Deliberately breaks the layer rules (the library entry point using the command line). */
public final class CommandLineReachingNode {
  private CommandLineReachingNode() {}

  public static void run(CroGasCli cli) {
    cli.run();
  }
}
