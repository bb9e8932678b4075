package io.crogas.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.cli.CliContext;
import io.crogas.cli.ExitCodes;
import io.crogas.cli.client.ApiAnswer;
import io.crogas.cli.client.GaslessCalls;
import io.crogas.cli.client.QuoteSigner;
import io.crogas.cli.keys.UnlockedKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crogas exec}: quote, sign both documents with a keystore key, submit. */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
      "Relay a call gaslessly: get a quote, sign its two typed-data documents (meta-transaction and"
          + " USDC fee authorization) with a keystore key, submit to POST /x402/facilitate.",
      "Without --wait the server answers at once with the request's id (follow it with status)."
    })
public final class ExecCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;
  @Mixin ApiOptions api;
  @Mixin CallOptions call;

  @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "Signer.")
  Path keystore;

  @ArgGroup(multiplicity = "1")
  PasswordOptions password;

  @Option(names = "--wait", description = "Wait until the transaction is confirmed or failed.")
  boolean await;

  public ExecCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    UnlockedKey key = UnlockedKey.open(keystore, password.source().read(context.environment()));
    Output output = Output.of(spec, json.enabled);
    GaslessCalls calls = new GaslessCalls(api.client(context.environment()));
    QuoteSigner.Asked asked = new QuoteSigner.Asked(call.target, call.calldata, call.gasLevel);
    output.progress("quoting for " + key.address() + "...");
    ApiAnswer quote = calls.quote(key.address(), asked);
    if (!quote.ok()) {
      return AnswerPrinter.print(output, quote, JsonNode::toString);
    }
    ObjectNode body = QuoteSigner.facilitateBody(quote.body(), asked, key);
    output.progress(
        "signed; paying " + quote.body().path("amount").asText() + " USDC, submitting...");
    ApiAnswer answer =
        await
            ? calls.submitAndWait(body, Duration.ofSeconds(api.timeoutSeconds))
            : calls.submit(body);
    int code = AnswerPrinter.print(output, answer, ExecCommand::readable);
    boolean failed = "failed".equals(answer.body().path("status").asText());
    return code == ExitCodes.OK && failed ? ExitCodes.REFUSED : code;
  }

  static String readable(JsonNode result) {
    JsonNode transaction = result.path("transaction");
    return (AnswerPrinter.field(result, "id", "id")
            + AnswerPrinter.field(result, "status", "status")
            + AnswerPrinter.field(result, "success", "success")
            + AnswerPrinter.field(transaction, "tx", "txHash")
            + AnswerPrinter.field(transaction, "block", "blockNumber")
            + AnswerPrinter.field(transaction, "explorer", "explorerUrl")
            + AnswerPrinter.field(result.path("payment"), "paid (USDC)", "amount")
            + AnswerPrinter.field(result, "error", "error")
            + AnswerPrinter.field(result, "follow", "statusUrl"))
        .stripTrailing();
  }
}
