package io.crogas.cli;

import io.crogas.cli.command.ApiKeysCommand;
import io.crogas.cli.command.DeployCommand;
import io.crogas.cli.command.DevCommand;
import io.crogas.cli.command.ExecCommand;
import io.crogas.cli.command.FaucetCommand;
import io.crogas.cli.command.KeysCommand;
import io.crogas.cli.command.McpCommand;
import io.crogas.cli.command.QuoteCommand;
import io.crogas.cli.command.ServeCommand;
import io.crogas.cli.command.StatusCommand;
import io.crogas.cli.command.TypedDataCommand;
import io.crogas.cli.command.WebhooksCommand;
import io.crogas.cli.command.X402Command;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.Signature;
import io.crogas.node.CroGasVersion;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code crogas} command line: keys, deployment, typed data, dev, serve and API clients. */
@Command(
    name = "crogas",
    mixinStandardHelpOptions = true,
    versionProvider = CroGasCli.Version.class,
    description = "Gas relayer and x402 facilitator for Cronos.",
    subcommands = {
      DevCommand.class,
      ServeCommand.class,
      KeysCommand.class,
      DeployCommand.class,
      TypedDataCommand.class,
      QuoteCommand.class,
      ExecCommand.class,
      StatusCommand.class,
      FaucetCommand.class,
      WebhooksCommand.class,
      ApiKeysCommand.class,
      X402Command.class,
      McpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:refused or failed (wrong password, request refused...)",
      "2:usage: bad options or configuration",
      "3:the chain RPC, the store or the CroGas server is unavailable"
    })
public final class CroGasCli implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    CliContext context = CliContext.system();
    LogFormat.apply(args, context.environment());
    System.exit(commandLine(context).execute(args));
  }

  /** The command line with its commands built for {@code context}. */
  public static CommandLine commandLine(CliContext context) {
    CommandLine line = new CommandLine(new CroGasCli(), new ContextFactory(context));
    line.registerConverter(Address.class, Address::parse);
    line.registerConverter(Calldata.class, Calldata::new);
    line.registerConverter(Signature.class, Signature::new);
    line.setExecutionExceptionHandler(new FailureReport());
    line.setExitCodeExceptionMapper(ExitCodes::of);
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  /** {@code crogas --version}: the build's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"crogas " + CroGasVersion.current()};
    }
  }

  /** Gives commands that take a {@link CliContext} theirs; the rest come from picocli. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      Optional<Constructor<?>> withContext =
          Arrays.stream(type.getDeclaredConstructors())
              .filter(c -> Arrays.equals(c.getParameterTypes(), new Class<?>[] {CliContext.class}))
              .findFirst();
      if (withContext.isPresent()) {
        return type.cast(withContext.get().newInstance(context));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
