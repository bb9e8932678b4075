package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.ExitCodes;
import io.crogas.cli.chain.ChainCheck;
import io.crogas.cli.serve.LiveCheck;
import io.crogas.cli.serve.ServeSettings;
import io.crogas.cli.serve.SettingsSource;
import io.crogas.domain.model.ApiKey;
import io.crogas.http.ApiSettings;
import io.crogas.node.CroGasNode;
import io.crogas.node.ServerLauncher;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crogas serve}: the relayer and API from CROGAS_* variables and/or a config file. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the relayer and its API from CROGAS_* environment variables and/or --config FILE"
          + " (the same keys in dotted lower case, e.g. crogas.rpc.url; the environment wins).",
      "See docs/configuration.md."
    })
public final class ServeCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin LogFormatOption logFormat;

  @Option(names = "--config", paramLabel = "FILE", description = "A .properties file.")
  Path config;

  @Option(
      names = "--check",
      description =
          "Validate the configuration, check it against the live chain (forwarder code and fee"
              + " token, USDC domain, relayer keys registered and funded, price sources), print"
              + " one line per check and exit: 0 all passed, 1 one failed, 3 RPC unreachable.")
  boolean checkOnly;

  public ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = Output.of(spec, json.enabled);
    ServeSettings settings =
        ServeSettings.read(SettingsSource.of(context.environment(), Optional.ofNullable(config)));
    if (checkOnly) {
      return check(output, settings);
    }
    output.progress(
        "connecting to " + settings.rpcUrl() + " (chain " + settings.chainId() + ")...");
    ChainCheck.expect(settings.rpcUrl(), settings.chainId(), settings.rpcTimeout());
    CroGasNode node =
        CroGasNode.start(settings.nodeConfig(context.environment(), InstantSource.system()));
    ServerLauncher.RunningServer server;
    try {
      server =
          context
              .servers()
              .start(
                  node,
                  new ServerLauncher.ApiEndpoint(
                      settings.host(),
                      settings.port(),
                      Optional.empty(),
                      settings.corsOrigins(),
                      settings.explorerTxUrl(),
                      settings.metricsToken(),
                      settings.access()));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    output.result(document(settings, node, server), text(settings, node, server));
    if (settings.access().anonymous() != ApiSettings.Anonymous.ON
        && node.apiKeys().list().stream().noneMatch(ApiKey::active)) {
      output.progress(
          "no API keys yet: x402 verify and settle answer 401 until one is made with"
              + " crogas apikeys create --label NAME (docs/operations.md)");
    }
    output.progress("running; Ctrl-C or SIGTERM stops it");
    return Foreground.runUntilStopped(
        () -> {
          server.close();
          node.close();
        });
  }

  private int check(Output output, ServeSettings settings) {
    List<LiveCheck.Line> lines =
        LiveCheck.run(settings, context.environment(), InstantSource.system());
    boolean valid = lines.stream().allMatch(LiveCheck.Line::ok);
    List<Map<String, Object>> checks =
        lines.stream()
            .map(l -> Output.fields("check", l.check(), "ok", l.ok(), "detail", l.detail()))
            .toList();
    String text =
        lines.stream()
            .map(
                l -> String.format("%-4s  %-20s %s", l.ok() ? "ok" : "FAIL", l.check(), l.detail()))
            .collect(Collectors.joining("\n"));
    output.result(Output.fields("valid", valid, "checks", checks), text);
    return valid ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  private static Map<String, Object> document(
      ServeSettings settings, CroGasNode node, ServerLauncher.RunningServer server) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiUrl", server.url());
    document.put("rpcUrl", settings.rpcUrl());
    document.put("chainId", settings.chainId());
    document.put("forwarder", settings.forwarder().value());
    document.put("usdc", settings.usdc().value());
    document.put("relayers", node.relayers().stream().map(a -> a.value()).toList());
    document.put("store", settings.store().describe());
    return document;
  }

  private static String text(
      ServeSettings settings, CroGasNode node, ServerLauncher.RunningServer server) {
    return String.join(
        "\n",
        "CroGas serve",
        "  API        " + server.url(),
        "  RPC        " + settings.rpcUrl() + "  (chain id " + settings.chainId() + ")",
        "  forwarder  " + settings.forwarder(),
        "  USDC       "
            + settings.usdc()
            + "  (\""
            + node.usdc().name()
            + "\" v"
            + node.usdc().version()
            + ")",
        "  relayers   "
            + String.join(", ", node.relayers().stream().map(Object::toString).toList()),
        "  store      " + settings.store().describe());
  }
}
