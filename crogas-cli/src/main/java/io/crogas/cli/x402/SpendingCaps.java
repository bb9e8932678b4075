package io.crogas.cli.x402;

import io.crogas.domain.model.TokenAmount;
import java.math.BigInteger;
import java.util.Optional;

/**
 * How much a run or a session may spend: at most {@code perCall} on one payment and at most {@code
 * total} over all of them. A payment counts from the moment it is granted (before it is signed): a
 * signed authorization can be settled by whoever holds it, whatever happens to the request, so
 * nothing is ever given back.
 */
public final class SpendingCaps {
  private final TokenAmount perCall;
  private final Optional<TokenAmount> total;
  private BigInteger spent = BigInteger.ZERO;

  public SpendingCaps(TokenAmount perCall, Optional<TokenAmount> total) {
    this.perCall = perCall;
    this.total = total;
  }

  /** The answer to a request to spend. */
  public sealed interface Grant permits Granted, Refused {}

  public record Granted(TokenAmount amount) implements Grant {}

  public record Refused(String reason) implements Grant {}

  /** Grants {@code amount} (and counts it as spent) if both caps allow it. */
  public synchronized Grant reserve(TokenAmount amount) {
    if (amount.compareTo(perCall) > 0) {
      return new Refused(
          "price "
              + amount.toDecimalString()
              + " USDC is above the cap of "
              + perCall.toDecimalString()
              + " USDC per payment");
    }
    if (total.isPresent()) {
      BigInteger after = spent.add(amount.atomic());
      if (after.compareTo(total.get().atomic()) > 0) {
        return new Refused(
            "price "
                + amount.toDecimalString()
                + " USDC would bring this session's spending to "
                + TokenAmount.usdc(after).toDecimalString()
                + " USDC, above its cap of "
                + total.get().toDecimalString()
                + " USDC ("
                + spent().toDecimalString()
                + " USDC spent)");
      }
    }
    spent = spent.add(amount.atomic());
    return new Granted(amount);
  }

  /** What was granted so far. */
  public synchronized TokenAmount spent() {
    return TokenAmount.usdc(spent);
  }

  public TokenAmount perCall() {
    return perCall;
  }

  public Optional<TokenAmount> total() {
    return total;
  }
}
