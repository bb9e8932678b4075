package io.crogas.cli.command;

import io.crogas.cli.CliContext;
import io.crogas.cli.ExitCodes;
import io.crogas.cli.keys.UnlockedKey;
import io.crogas.cli.x402.AcceptedAssets;
import io.crogas.cli.x402.FetchReport;
import io.crogas.cli.x402.PayingClient;
import io.crogas.cli.x402.PaymentSigner;
import io.crogas.cli.x402.SpendingCaps;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenAmount;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crogas x402 fetch URL}: request a resource, paying its x402 price from a keystore. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Request URL; on a 402 (x402 v2 PAYMENT-REQUIRED header or v1 JSON body) pay an exact"
          + " requirement with an EIP-3009 authorization signed by the keystore key, within"
          + " --max-amount, and request again with the payment.",
      "The resource goes to standard output, the payment and settlement to standard error (all"
          + " of it as one JSON object with --json)."
    })
public final class X402FetchCommand implements Callable<Integer> {
  private final CliContext context;
  @Spec CommandSpec spec;
  @Mixin JsonOption json;

  @Parameters(paramLabel = "URL", description = "The resource.")
  URI url;

  @Option(
      names = {"-X", "--method"},
      paramLabel = "M",
      defaultValue = "GET",
      description = "GET.")
  String method;

  @Option(
      names = {"-d", "--data"},
      paramLabel = "BODY",
      description = "Request body.")
  String data;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'K: V'",
      description = "Extra request header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "Payer.")
  Path keystore;

  @ArgGroup(multiplicity = "1")
  PasswordOptions password;

  @Option(
      names = "--max-amount",
      paramLabel = "USDC",
      defaultValue = "0.10",
      converter = UsdcAmountConverter.class,
      description = "Refuse (nothing signed) above this price in USDC (default 0.10).")
  TokenAmount maxAmount;

  @Option(
      names = "--asset",
      paramLabel = "ADDR",
      description =
          "Pay only with this token (repeatable; default: any EIP-3009 token, its amounts read as"
              + " 6-decimal USDC).")
  List<Address> assets = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long to wait for each answer (default 120).")
  long timeoutSeconds;

  public X402FetchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PayingClient.Fetch fetch;
    try {
      fetch =
          new PayingClient.Fetch(
              method.toUpperCase(Locale.ROOT), url, Optional.ofNullable(data), headers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    UnlockedKey key = UnlockedKey.open(keystore, password.source().read(context.environment()));
    PayingClient client =
        new PayingClient(
            Duration.ofSeconds(timeoutSeconds),
            new PaymentSigner(key, InstantSource.system()),
            new SpendingCaps(maxAmount, Optional.empty()),
            assets.isEmpty()
                ? AcceptedAssets.any()
                : AcceptedAssets.only(() -> Set.copyOf(assets)));
    return print(Output.of(spec, json.enabled), client.fetch(fetch));
  }

  private static int print(Output output, PayingClient.Outcome outcome) {
    if (outcome instanceof PayingClient.Refused refused) {
      if (output.json()) {
        output.result(Output.fields("paid", false, "refused", refused.reason()), "");
      }
      output.progress("refused: " + refused.reason());
      return ExitCodes.REFUSED;
    }
    PayingClient.Fetched fetched = (PayingClient.Fetched) outcome;
    if (output.json()) {
      output.result(FetchReport.of(fetched), "");
    } else {
      FetchReport.paymentLine(fetched).ifPresent(output::progress);
      if (fetched.ok()) {
        output.raw(fetched.body());
      } else {
        output.progress("refused: HTTP " + fetched.status() + ": " + fetched.body().strip());
      }
    }
    return fetched.ok() ? ExitCodes.OK : ExitCodes.REFUSED;
  }
}
