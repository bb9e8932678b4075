package io.crogas.domain.port.out;

import io.crogas.domain.model.ApiKey;
import java.time.Instant;
import java.util.List;

/**
 * The API keys facilitator clients authenticate with, by the hash of their secret. Written by the
 * operator's tools ({@code crogas apikeys}), read by servers, which keep the active keys in memory
 * and read them again now and then: nothing here is on a request's path.
 */
public interface ApiKeys {

  /** Stores {@code key}; refused (false) when its id or its secret's hash is taken. */
  boolean add(ApiKey key);

  /** Every key, revoked ones included, oldest first. */
  List<ApiKey> list();

  /**
   * Marks the key revoked at {@code at}; false when there is no such key or it is revoked already
   * (the first revocation's time stays).
   */
  boolean revoke(String id, Instant at);
}
