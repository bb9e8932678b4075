package io.crogas.domain.model;

import java.util.Optional;

/**
 * A gasless execution request as submitted: the meta-transaction, the user's signature over it, and
 * (once the user has seen a quote) the signed fee authorization.
 */
public record RelayRequest(
    Address user,
    MetaTransaction metaTransaction,
    Signature signature,
    Optional<SignedAuthorization> payment) {
  public RelayRequest {
    if (user == null || metaTransaction == null || signature == null || payment == null) {
      throw new IllegalArgumentException(
          "user, metaTransaction, signature and payment are required");
    }
  }
}
