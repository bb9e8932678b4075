package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.policy.NoncePolicy;
import io.crogas.domain.port.in.FindRelays;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Read-only views over the journal and the forwarder's nonces. */
public final class RelayQueries implements FindRelays {
  /** Upper bound on one history page, whatever the caller asks. */
  public static final int MAX_LIMIT = 200;

  private final Journal journal;
  private final Chain chain;

  public RelayQueries(Journal journal, Chain chain) {
    this.journal = journal;
    this.chain = chain;
  }

  @Override
  public Optional<RelayRecord> find(String id) {
    return journal.find(id);
  }

  @Override
  public List<RelayRecord> recent(Optional<Address> payer, int limit) {
    return journal.recent(payer, Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  @Override
  public BigInteger nextNonce(Address user) {
    return NoncePolicy.expectedNext(chain.forwarderNonce(user), journal.inFlightNonces(user));
  }
}
