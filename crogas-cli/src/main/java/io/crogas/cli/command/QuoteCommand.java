package io.crogas.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
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
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin ApiOptions api;
  @Mixin CallOptions call;

  @Option(names = "--user", required = true, paramLabel = "ADDR", description = "The signer.")
  Address user;

  @Override
  public Integer call() {
    return AnswerPrinter.print(
        Output.of(spec, json.enabled),
        api.client().post("/x402/quote", request(user, call.target, call.calldata, call.gasLevel)),
        QuoteCommand::readable);
  }

  static ObjectNode request(Address user, Address target, Calldata calldata, String gasLevel) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("userAddress", user.value())
        .put("target", target.value())
        .put("calldata", calldata.hex())
        .put("gasLevel", gasLevel);
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
