package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.ExitCodes;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.cli.mcp.AgentServer;
import io.crogas.cli.x402.SpendingCaps;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenAmount;
import io.crogas.node.CroGasVersion;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crogas mcp}: a Model Context Protocol server on standard input and output whose tools let
 * an AI agent quote, execute gaslessly, follow requests, read balances and pay x402 resources with
 * one keystore key, under spending caps that hold for the whole session. Standard output carries
 * protocol messages only: logs and notes go to standard error.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Model Context Protocol over stdio: tools crogas_quote, crogas_execute,"
          + " crogas_status, crogas_balance, x402_fetch and x402_discover, signing with the"
          + " keystore key.",
      "Every USDC the session signs for (relay fees and x402 prices) counts against"
          + " --max-per-call and --max-total; a call above them is refused with nothing signed."
    })
public final class McpCommand implements Callable<Integer> {
  private final CliContext context;
  @Mixin ApiOptions api;

  @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "Signer.")
  Path keystore;

  @ArgGroup(multiplicity = "1")
  PasswordOptions password;

  @Option(
      names = "--max-per-call",
      paramLabel = "USDC",
      defaultValue = "0.10",
      converter = UsdcAmountConverter.class,
      description = "Refuse one payment or fee above this (default 0.10 USDC).")
  TokenAmount maxPerCall;

  @Option(
      names = "--max-total",
      paramLabel = "USDC",
      defaultValue = "1.00",
      converter = UsdcAmountConverter.class,
      description = "Refuse payments once the session would spend more (default 1.00 USDC).")
  TokenAmount maxTotal;

  @Option(
      names = "--asset",
      paramLabel = "ADDR",
      description = "x402: pay only with this token (repeatable; default: the server's USDC).")
  List<Address> assets = new ArrayList<>();

  public McpCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    UnlockedKey key = UnlockedKey.open(keystore, password.source().read(context.environment()));
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    // Whatever else would print to standard output (a library, a stray println) goes to standard
    // error: the MCP client reads standard output as protocol messages only.
    System.setOut(System.err);
    System.err.println("crogas mcp: serving tools on stdio for " + key.address());
    AgentServer.serve(
        api.client(context.environment()),
        key,
        new SpendingCaps(maxPerCall, Optional.of(maxTotal)),
        assets.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(assets)),
        Duration.ofSeconds(api.timeoutSeconds),
        CroGasVersion.current(),
        new FileInputStream(FileDescriptor.in),
        protocol);
    return ExitCodes.OK;
  }
}
