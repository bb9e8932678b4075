package io.crogas.domain.policy;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Who signed what, and whether a fee authorization is bound to exactly one meta-transaction. The
 * domain separator in each digest binds the chain and the verifying contract, so a signature for
 * another chain or forwarder recovers a different address and is refused as a wrong signer.
 */
public final class SignatureRules {
  private SignatureRules() {}

  /** The signer of {@code digest}, or why the signature is unusable (high s, bad v, ...). */
  public static SignerCheck recover(Hash32 digest, Signature signature) {
    Recovery recovery = Secp256k1.recover(digest.bytes(), signature.bytes());
    if (recovery instanceof Recovery.Recovered recovered) {
      return new SignerCheck.Signer(Address.of(recovered.address20()));
    }
    Recovery.Rejected rejected = (Recovery.Rejected) recovery;
    return new SignerCheck.Unusable(rejected.message());
  }

  /** Empty if {@code claimed} signed {@code digest}, else a 401 naming {@code field}. */
  public static Optional<Rejection> requireSigner(
      Hash32 digest, Signature signature, Address claimed, String field) {
    SignerCheck check = recover(digest, signature);
    if (check instanceof SignerCheck.Signer signer && signer.address().equals(claimed)) {
      return Optional.empty();
    }
    String problem =
        check instanceof SignerCheck.Signer signer
            ? "signed by "
                + signer.address()
                + ", not by "
                + claimed
                + " (wrong key, or signed for another chain, contract or message)"
            : ((SignerCheck.Unusable) check).reason();
    return Optional.of(
        Rejection.of(RejectionCode.INVALID_SIGNATURE, field + ": " + problem, field, problem));
  }

  /** Empty while {@code now} is not past {@code deadline} (Unix seconds), else a 410. */
  public static Optional<Rejection> requireBefore(BigInteger deadline, Instant now, String field) {
    if (BigInteger.valueOf(now.getEpochSecond()).compareTo(deadline) <= 0) {
      return Optional.empty();
    }
    String problem = "passed at " + deadline + " (now " + now.getEpochSecond() + ")";
    return Optional.of(Rejection.of(RejectionCode.EXPIRED, field + " " + problem, field, problem));
  }

  /**
   * Empty while {@code until} (Unix seconds) is at least {@code margin} after {@code now}, else a
   * 410: a transaction sent now would likely be mined too late and revert at the relayer's cost.
   */
  public static Optional<Rejection> requireMargin(
      BigInteger until, Instant now, Duration margin, String field) {
    if (until.compareTo(BigInteger.valueOf(now.plus(margin).getEpochSecond())) >= 0) {
      return Optional.empty();
    }
    String problem =
        "is "
            + until
            + ", less than "
            + margin.toSeconds()
            + " s after now ("
            + now.getEpochSecond()
            + "): too close to be mined in time";
    return Optional.of(Rejection.of(RejectionCode.EXPIRED, field + " " + problem, field, problem));
  }

  /**
   * Empty if the fee authorization can pay for this meta-transaction and nothing else: from the
   * user, to the forwarder, with the meta-transaction's digest as its EIP-3009 nonce, usable now
   * and no longer than the meta-transaction's deadline. Each broken binding is a 400.
   */
  public static Optional<Rejection> requireFeeBinding(
      TransferAuthorization fee,
      Address user,
      ForwarderDomain forwarder,
      Hash32 digest,
      BigInteger deadline,
      Instant now) {
    BigInteger nowSeconds = BigInteger.valueOf(now.getEpochSecond());
    if (!fee.from().equals(user)) {
      return binding("payment.authorization.from", "must be the user " + user);
    }
    if (!fee.to().equals(forwarder.forwarder())) {
      return binding("payment.authorization.to", "must be the forwarder " + forwarder.forwarder());
    }
    if (!fee.nonce().equals(digest)) {
      return binding(
          "payment.authorization.nonce", "must be the meta-transaction's EIP-712 digest " + digest);
    }
    if (fee.validBefore().compareTo(deadline) > 0) {
      return binding(
          "payment.authorization.validBefore", "must not be later than the deadline " + deadline);
    }
    if (fee.validBefore().compareTo(nowSeconds) <= 0) {
      return binding("payment.authorization.validBefore", "has already passed");
    }
    if (fee.validAfter().compareTo(nowSeconds) >= 0) {
      return binding("payment.authorization.validAfter", "is not yet reached");
    }
    return Optional.empty();
  }

  /** Empty if the user signed the fee authorization as {@code ReceiveWithAuthorization}. */
  public static Optional<Rejection> requireFeeSignature(
      SignedAuthorization fee, TokenDomain token) {
    TransferAuthorization authorization = fee.authorization();
    return requireSigner(
        authorization.receiveDigest(token),
        fee.signature(),
        authorization.from(),
        "payment.signature");
  }

  private static Optional<Rejection> binding(String field, String problem) {
    return Optional.of(
        new Rejection(
            RejectionCode.INVALID_REQUEST, field + " " + problem, Map.of(field, problem)));
  }

  /** The outcome of recovering a signer. */
  public sealed interface SignerCheck permits SignerCheck.Signer, SignerCheck.Unusable {
    record Signer(Address address) implements SignerCheck {}

    record Unusable(String reason) implements SignerCheck {}
  }
}
