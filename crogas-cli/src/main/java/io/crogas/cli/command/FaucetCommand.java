package io.crogas.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.crogas.cli.CliContext;
import io.crogas.domain.model.Address;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crogas faucet ADDRESS}: {@code POST /faucet/usdc} (dev and testnet servers). */
@Command(
    name = "faucet",
    mixinStandardHelpOptions = true,
    description = "Have a dev or testnet server mint test USDC to ADDRESS (POST /faucet/usdc).")
public final class FaucetCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin ApiOptions api;

  @Parameters(paramLabel = "ADDRESS", description = "Who receives the USDC.")
  Address address;

  @Option(
      names = "--amount",
      paramLabel = "USDC",
      defaultValue = "100",
      description = "Whole or decimal USDC (default 100).")
  BigDecimal amount;

  public FaucetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (amount.signum() <= 0 || amount.scale() > 6) {
      throw new ParameterException(
          spec.commandLine(), "--amount must be positive with at most 6 decimals: " + amount);
    }
    return AnswerPrinter.print(
        Output.of(spec, json.enabled),
        api.client(context.environment())
            .post(
                "/faucet/usdc",
                JsonNodeFactory.instance
                    .objectNode()
                    .put("address", address.value())
                    .put("amount", amount.toPlainString())),
        body ->
            (AnswerPrinter.field(body, "address", "address")
                    + AnswerPrinter.field(body, "amount (USDC)", "amount")
                    + AnswerPrinter.field(body, "tx", "txHash"))
                .stripTrailing());
  }
}
