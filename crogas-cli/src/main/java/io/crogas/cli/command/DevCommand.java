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
import picocli.CommandLine.Spec;

/** {@code crogas dev}: a local chain, the contracts, a relayer and the API, in one command. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local chain (anvil, chain id 338), deploy the contracts, mint demo USDC to a printed"
          + " demo account and run a relayer on it, until Ctrl-C (which also stops the chain)."
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

  public DevCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = Output.of(spec, json.enabled);
    DevStack stack =
        DevStack.start(
            new DevStack.Options(port, chainPort, dataDir(), demoUsdc, croUsd),
            ProjectToolchain.locate(),
            context.servers(),
            output::progress);
    DevStack.Summary summary = stack.summary();
    output.result(document(summary), text(summary));
    output.progress("running; Ctrl-C stops the relayer and the chain");
    return Foreground.runUntilStopped(stack);
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
        "  data dir      " + summary.dataDir());
  }
}
