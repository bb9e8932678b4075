package io.crogas.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.cli.CliContext;
import io.crogas.cli.client.GaslessCalls;
import io.crogas.cli.client.QuoteSigner;
import io.crogas.domain.model.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crogas quote}: {@code POST /x402/quote}. */
@Command(
    name = "quote",
    mixinStandardHelpOptions = true,
    description = "Ask a server for a gasless-execution quote (POST /x402/quote).")
public final class QuoteCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin ApiOptions api;
  @Mixin CallOptions call;

  @Option(names = "--user", required = true, paramLabel = "ADDR", description = "The signer.")
  Address user;

  public QuoteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return AnswerPrinter.print(
        Output.of(spec, json.enabled),
        new GaslessCalls(api.client(context.environment()))
            .quote(user, new QuoteSigner.Asked(call.target, call.calldata, call.gasLevel)),
        QuoteCommand::readable);
  }

  static String readable(JsonNode quote) {
    return (AnswerPrinter.field(quote, "quote", "quoteId")
            + AnswerPrinter.field(quote, "amount (USDC)", "amount")
            + AnswerPrinter.field(quote, "breakdown", "breakdown")
            + AnswerPrinter.field(quote, "gas limit", "gasLimit")
            + AnswerPrinter.field(quote, "max fee/gas", "maxFeePerGas")
            + AnswerPrinter.field(quote, "CRO/USD", "croUsd")
            + AnswerPrinter.field(quote, "price source", "priceSource")
            + AnswerPrinter.field(quote, "nonce", "nonce")
            + AnswerPrinter.field(quote, "deadline", "deadline")
            + AnswerPrinter.field(quote, "expires at", "expiresAt"))
        .stripTrailing();
  }
}
