package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.dev.DevStack;
import io.crogas.cli.dev.ProjectToolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crogas dev}: a local chain, the contracts, a relayer and the API, in one command. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local chain (anvil, chain id 338), deploy the contracts, mint demo USDC to a printed"
          + " demo account and run a relayer on it, until Ctrl-C (which also stops the chain).",
      "With --instances N, N relayer instances share the store and the dev relayer keys, on"
          + " consecutive ports from --port; --store redis runs them on a local redis-server."
    })
public final class DevCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin LogFormatOption logFormat;

  @Option(names = "--port", defaultValue = "8402", description = "API port (default 8402).")
  int port;

  @Option(
      names = "--chain-port",
      defaultValue = "8545",
      description = "anvil's RPC port (default 8545).")
  int chainPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Store and chain log (default: a fresh temporary directory).")
  Path dataDir;

  @Option(
      names = "--demo-usdc",
      defaultValue = "1000",
      paramLabel = "USDC",
      description = "USDC minted to the demo account (default 1000).")
  BigDecimal demoUsdc;

  @Option(
      names = "--cro-usd",
      defaultValue = "0.10",
      paramLabel = "PRICE",
      description = "Fixed CRO/USD price for quotes (default 0.10).")
  BigDecimal croUsd;

  @Option(
      names = "--instances",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Relayer instances sharing the store, on ports --port, --port+1, ... (1 to 3: each holds"
              + " one of the 3 dev relayer keys at least; default 1).")
  int instances;

  @Option(
      names = "--store",
      defaultValue = "sqlite",
      paramLabel = "KIND",
      description =
          "sqlite (crogas.db in the data directory, the default) or redis (a local redis-server,"
              + " installed by tools/install-redis.sh if missing, its append-only file in the data"
              + " directory).")
  String store;

  public DevCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = Output.of(spec, json.enabled);
    DevStack.Store kind = storeKind();
    if (instances < 1 || instances > DevStack.MAX_INSTANCES) {
      throw new ParameterException(
          spec.commandLine(),
          "--instances must be 1 to "
              + DevStack.MAX_INSTANCES
              + " (each instance holds one of the dev relayer keys at least): "
              + instances);
    }
    if (port + instances - 1 > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port leaves no room for " + instances);
    }
    DevStack stack =
        DevStack.start(
            new DevStack.Options(port, chainPort, dataDir(), demoUsdc, croUsd, instances, kind),
            ProjectToolchain.locate(),
            context.servers(),
            output::progress);
    DevStack.Summary summary = stack.summary();
    output.result(document(summary), text(summary));
    output.progress(
        instances == 1 && kind == DevStack.Store.SQLITE
            ? "running; Ctrl-C stops the relayer and the chain"
            : "running; Ctrl-C (or SIGTERM to pid "
                + ProcessHandle.current().pid()
                + ") stops the instances, then "
                + (kind == DevStack.Store.REDIS ? "redis-server, then " : "")
                + "the chain");
    return Foreground.runUntilStopped(stack);
  }

  private DevStack.Store storeKind() {
    return switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "sqlite" -> DevStack.Store.SQLITE;
      case "redis" -> DevStack.Store.REDIS;
      default ->
          throw new ParameterException(
              spec.commandLine(), "--store must be sqlite or redis: " + store);
    };
  }

  private Path dataDir() {
    try {
      return dataDir != null
          ? Files.createDirectories(dataDir)
          : Files.createTempDirectory("crogas-dev-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory", e);
    }
  }

  private static Map<String, Object> document(DevStack.Summary summary) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiUrl", summary.apiUrl());
    document.put("rpcUrl", summary.rpcUrl());
    document.put("chainId", summary.chainId());
    document.put(
        "contracts",
        Output.fields(
            "forwarder", summary.contracts().forwarder().value(),
            "usdc", summary.contracts().usdc().value(),
            "demoTarget", summary.contracts().demoTarget().value()));
    document.put(
        "usdc",
        Output.fields(
            "name", summary.usdc().name(),
            "version", summary.usdc().version(),
            "decimals", 6));
    document.put("relayers", summary.relayers().stream().map(a -> a.value()).toList());
    document.put(
        "demoAccount",
        Output.fields(
            "address", summary.demoAccount().value(),
            "privateKey", summary.demoAccountKey(),
            "usdc", summary.demoUsdc().toDecimalString()));
    document.put("dataDir", summary.dataDir().toString());
    document.put("store", summary.store());
    document.put(
        "instances",
        summary.instances().stream()
            .map(
                instance ->
                    Output.fields(
                        "id", instance.id(),
                        "apiUrl", instance.apiUrl(),
                        "heldKeys", instance.heldKeys().stream().map(a -> a.value()).toList()))
            .toList());
    return document;
  }

  private static String text(DevStack.Summary summary) {
    String api = summary.apiUrl();
    return String.join(
            "\n",
            "CroGas dev",
            "  API           " + api,
            "  RPC           " + summary.rpcUrl() + "  (chain id " + summary.chainId() + ")",
            "  forwarder     " + summary.contracts().forwarder(),
            "  USDC          "
                + summary.contracts().usdc()
                + "  (\""
                + summary.usdc().name()
                + "\" v"
                + summary.usdc().version()
                + ", 6 decimals)",
            "  demo target   " + summary.contracts().demoTarget(),
            "  relayers      "
                + String.join(", ", summary.relayers().stream().map(Object::toString).toList()),
            "  demo account  "
                + summary.demoAccount()
                + "  ("
                + summary.demoUsdc().toDecimalString()
                + " USDC)",
            "  demo key      "
                + summary.demoAccountKey()
                + "  (anvil's public dev key #9: never use it on a real network)",
            "  data dir      " + summary.dataDir())
        + instancesText(summary);
  }

  // One instance on SQLite prints what it always has; several list each URL and its keys.
  private static String instancesText(DevStack.Summary summary) {
    if (summary.instances().size() == 1 && summary.kind() == DevStack.Store.SQLITE) {
      return "";
    }
    StringBuilder text = new StringBuilder("\n  store         " + summary.store());
    for (DevStack.Instance instance : summary.instances()) {
      text.append("\n  instance      ")
          .append(instance.id())
          .append("  ")
          .append(instance.apiUrl())
          .append("  holds ")
          .append(String.join(", ", instance.heldKeys().stream().map(Object::toString).toList()));
    }
    return text.toString();
  }
}
