package io.crogas.domain.policy;

import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Which meta-transaction nonce a user may submit next: the forwarder's on-chain nonce, plus the
 * requests already accepted and still in flight. Pipelining n, n+1, ... is allowed; reusing a nonce
 * or leaving a gap is refused, because the forwarder would revert either.
 */
public final class NoncePolicy {
  private NoncePolicy() {}

  /** The nonce the user's next request must carry. */
  public static BigInteger expectedNext(BigInteger onChain, SortedSet<BigInteger> inFlight) {
    BigInteger next = onChain;
    for (BigInteger nonce : inFlight.tailSet(onChain)) {
      if (!nonce.equals(next)) {
        break;
      }
      next = next.add(BigInteger.ONE);
    }
    return next;
  }

  /**
   * The 409 for a request whose nonce another request of the same user, {@code holderId}, took
   * while this one was being checked: at most one request per (user, nonce) is in flight.
   */
  public static Rejection inFlight(BigInteger submitted, String holderId) {
    String problem = "nonce " + submitted + " is taken by the request in flight " + holderId;
    return new Rejection(
        RejectionCode.NONCE_MISMATCH,
        problem,
        java.util.Map.of("nonce", problem, "expected", submitted.add(BigInteger.ONE).toString()));
  }

  /** Empty if {@code submitted} is the expected next nonce, else the 409 to answer. */
  public static Optional<Rejection> check(
      BigInteger submitted, BigInteger onChain, SortedSet<BigInteger> inFlight) {
    BigInteger expected = expectedNext(onChain, inFlight);
    if (submitted.equals(expected)) {
      return Optional.empty();
    }
    String problem;
    if (submitted.compareTo(onChain) < 0) {
      problem = "nonce " + submitted + " was already used on chain";
    } else if (submitted.compareTo(expected) < 0) {
      problem = "nonce " + submitted + " is taken by a request in flight";
    } else {
      problem = "nonce " + submitted + " leaves a gap: the next nonce is " + expected;
    }
    return Optional.of(
        new Rejection(
            RejectionCode.NONCE_MISMATCH,
            problem,
            java.util.Map.of("nonce", problem, "expected", expected.toString())));
  }
}
