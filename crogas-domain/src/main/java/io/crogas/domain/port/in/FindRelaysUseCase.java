package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Read-only views: one request, recent requests, a user's next nonce. */
public interface FindRelaysUseCase {
  Optional<RelayRecord> find(String id);

  /** The most recent requests, newest first, as {@code query} selects them. */
  List<RelayRecord> recent(FindRelaysQuery query);

  /** The nonce the user's next meta-transaction must carry, counting requests in flight. */
  BigInteger nextNonce(Address user);
}
