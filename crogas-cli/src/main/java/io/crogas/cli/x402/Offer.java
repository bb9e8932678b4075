package io.crogas.cli.x402;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.X402Network;
import java.math.BigInteger;

/**
 * One requirement of a 402 answer that this client can pay: scheme {@code exact} on an EVM network,
 * an EIP-3009 token whose EIP-712 name and version the server gave in {@code extra}, a payee and an
 * amount in the token's smallest unit ({@code amount} in v2, {@code maxAmountRequired} in v1).
 */
public record Offer(
    int x402Version,
    String network,
    X402Network chain,
    Address asset,
    Address payTo,
    BigInteger amount,
    long maxTimeoutSeconds,
    String tokenName,
    String tokenVersion,
    JsonNode requirement) {
  private static final long DEFAULT_TIMEOUT_SECONDS = 60;

  /** What reading one requirement gave: an offer, or why it cannot be paid here. */
  public sealed interface Reading permits Payable, Unpayable {}

  public record Payable(Offer offer) implements Reading {}

  public record Unpayable(String what, String reason) implements Reading {}

  /** Reads {@code requirement}, an entry of {@code accepts} in an x402 {@code version} answer. */
  public static Reading read(int version, JsonNode requirement) {
    String scheme = requirement.path("scheme").asText("");
    String network = requirement.path("network").asText("");
    String what = (scheme.isEmpty() ? "?" : scheme) + " on " + (network.isEmpty() ? "?" : network);
    if (!"exact".equals(scheme)) {
      return new Unpayable(what, "only the exact scheme is paid");
    }
    var chain = X402Network.parse(network);
    if (chain.isEmpty()) {
      return new Unpayable(what, "not an EVM network this client knows");
    }
    String method = requirement.path("extra").path("assetTransferMethod").asText("eip3009");
    if (!"eip3009".equals(method)) {
      return new Unpayable(what, "asset transfer method " + method + " (only eip3009 is paid)");
    }
    String name = requirement.path("extra").path("name").asText("");
    String tokenVersion = requirement.path("extra").path("version").asText("");
    if (name.isEmpty() || tokenVersion.isEmpty()) {
      return new Unpayable(what, "no extra.name / extra.version for the token's EIP-712 domain");
    }
    String amountField = version == 1 ? "maxAmountRequired" : "amount";
    String amount = requirement.path(amountField).asText("");
    if (!amount.matches("0*[1-9][0-9]{0,77}")) {
      return new Unpayable(what, amountField + " is not a positive integer: " + amount);
    }
    try {
      return new Payable(
          new Offer(
              version,
              network,
              chain.get(),
              Address.parse(requirement.path("asset").asText("")),
              Address.parse(requirement.path("payTo").asText("")),
              new BigInteger(amount),
              requirement.path("maxTimeoutSeconds").asLong(DEFAULT_TIMEOUT_SECONDS),
              name,
              tokenVersion,
              requirement));
    } catch (IllegalArgumentException e) {
      return new Unpayable(what, "asset or payTo is not an address: " + e.getMessage());
    }
  }

  public Offer {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    if (maxTimeoutSeconds <= 0) {
      maxTimeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    }
  }

  /** The price as USDC (6 decimals; the caps are in USDC). */
  public TokenAmount price() {
    return TokenAmount.usdc(amount);
  }
}
