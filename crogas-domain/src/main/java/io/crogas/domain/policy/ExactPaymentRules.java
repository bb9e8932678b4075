package io.crogas.domain.policy;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.X402Network;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The x402 {@code exact} scheme's checks that need no chain access, in the reference
 * implementation's order: scheme, network, asset and payee, EIP-712 domain, signature, recipient,
 * validity window, amount. v2 requires the exact amount; v1 an amount of at least {@code
 * maxAmountRequired}. Beyond the reference: a configured payee allow-list and a minimum value.
 */
public final class ExactPaymentRules {
  private final X402Network network;
  private final Map<Address, TokenDomain> assets;
  private final Set<Address> payees;
  private final long validBeforeMarginSeconds;
  private final BigDecimal minimumValue;

  /**
   * @param minimumValue the smallest transfer settled, in token units (rounded up to the token's
   *     smallest unit)
   */
  public ExactPaymentRules(
      X402Network network,
      Map<Address, TokenDomain> assets,
      Set<Address> payees,
      long validBeforeMarginSeconds,
      BigDecimal minimumValue) {
    this.network = network;
    this.assets = Map.copyOf(assets);
    this.payees = Set.copyOf(payees);
    this.validBeforeMarginSeconds = validBeforeMarginSeconds;
    this.minimumValue = minimumValue;
  }

  /** The configured token for {@code asset}, if this facilitator settles it. */
  public Optional<TokenDomain> token(Address asset) {
    return Optional.ofNullable(assets.get(asset));
  }

  /** Empty if the payment passes every off-chain check, else the first fault and why. */
  public Optional<Violation> check(
      PaymentPayload payload, PaymentRequirements requirements, Instant now) {
    TransferAuthorization authorization = payload.payment().authorization();
    if (!"exact".equals(payload.scheme()) || !"exact".equals(requirements.scheme())) {
      return violation(PaymentFault.UNSUPPORTED_SCHEME, "only the exact scheme is supported");
    }
    if (!payload.network().equals(requirements.network())
        || !network.names(requirements.network())) {
      return violation(
          PaymentFault.NETWORK_MISMATCH,
          "this facilitator settles on " + network.v2Name() + ", not " + payload.network());
    }
    Optional<TokenDomain> token = token(requirements.asset());
    if (token.isEmpty()) {
      return violation(
          PaymentFault.UNSUPPORTED_ASSET, requirements.asset() + " is not settled here");
    }
    if (!payees.isEmpty() && !payees.contains(requirements.payTo())) {
      return violation(
          PaymentFault.PAYEE_NOT_ALLOWED, requirements.payTo() + " is not a configured payee");
    }
    Optional<Violation> domain = checkDomain(requirements, token.get());
    if (domain.isPresent()) {
      return domain;
    }
    Optional<String> signer =
        SignatureRules.requireSigner(
                authorization.transferDigest(token.get()),
                payload.payment().signature(),
                authorization.from(),
                "signature")
            .map(rejection -> rejection.message());
    if (signer.isPresent()) {
      return violation(PaymentFault.INVALID_SIGNATURE, signer.get());
    }
    Optional<Violation> terms = checkTerms(payload.x402Version(), authorization, requirements, now);
    if (terms.isPresent()) {
      return terms;
    }
    BigInteger minimum = minimumAtomic(token.get());
    if (authorization.value().compareTo(minimum) < 0) {
      return violation(
          PaymentFault.AMOUNT_BELOW_MINIMUM,
          "authorization.value "
              + authorization.value()
              + " is below this facilitator's minimum of "
              + minimum);
    }
    return Optional.empty();
  }

  private BigInteger minimumAtomic(TokenDomain token) {
    return minimumValue
        .movePointRight(token.decimals())
        .setScale(0, RoundingMode.CEILING)
        .toBigIntegerExact();
  }

  private Optional<Violation> checkDomain(PaymentRequirements requirements, TokenDomain token) {
    // extra.name/version are optional here: the token's own domain, read from the chain, is used.
    if (requirements.tokenName().filter(name -> !name.equals(token.name())).isPresent()) {
      return violation(
          PaymentFault.TOKEN_NAME_MISMATCH, "the token's EIP-712 name is \"" + token.name() + "\"");
    }
    if (requirements.tokenVersion().filter(v -> !v.equals(token.version())).isPresent()) {
      return violation(
          PaymentFault.TOKEN_VERSION_MISMATCH,
          "the token's EIP-712 version is \"" + token.version() + "\"");
    }
    return Optional.empty();
  }

  private Optional<Violation> checkTerms(
      int x402Version,
      TransferAuthorization authorization,
      PaymentRequirements requirements,
      Instant now) {
    BigInteger nowSeconds = BigInteger.valueOf(now.getEpochSecond());
    if (!authorization.to().equals(requirements.payTo())) {
      return violation(
          PaymentFault.RECIPIENT_MISMATCH, "authorization.to is not payTo " + requirements.payTo());
    }
    if (authorization
            .validBefore()
            .compareTo(nowSeconds.add(BigInteger.valueOf(validBeforeMarginSeconds)))
        < 0) {
      return violation(
          PaymentFault.VALID_BEFORE, "the authorization expires too soon or has expired");
    }
    if (authorization.validAfter().compareTo(nowSeconds) > 0) {
      return violation(PaymentFault.VALID_AFTER, "the authorization is not valid yet");
    }
    int comparison = authorization.value().compareTo(requirements.amount());
    boolean acceptable = x402Version == 1 ? comparison >= 0 : comparison == 0;
    if (!acceptable) {
      return violation(
          PaymentFault.AUTHORIZATION_VALUE,
          "authorization.value "
              + authorization.value()
              + " does not pay the required "
              + requirements.amount());
    }
    return Optional.empty();
  }

  private static Optional<Violation> violation(PaymentFault fault, String message) {
    return Optional.of(new Violation(fault, message));
  }

  /** A failed check. */
  public record Violation(PaymentFault fault, String message) {}
}
