package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.policy.NoncePolicy;
import io.crogas.domain.port.in.FindRelaysQuery;
import io.crogas.domain.port.in.FindRelaysUseCase;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Read-only views over the journal and the forwarder's nonces. */
public final class FindRelaysService implements FindRelaysUseCase {
  /** Upper bound on one history page, whatever the caller asks. */
  public static final int MAX_LIMIT = 200;

  private final Journal journal;
  private final Chain chain;

  public FindRelaysService(Journal journal, Chain chain) {
    this.journal = journal;
    this.chain = chain;
  }

  @Override
  public Optional<RelayRecord> find(String id) {
    return journal.find(id);
  }

  @Override
  public List<RelayRecord> recent(FindRelaysQuery query) {
    return journal.recent(query.payer(), Math.max(1, Math.min(query.limit(), MAX_LIMIT)));
  }

  @Override
  public BigInteger nextNonce(Address user) {
    return NoncePolicy.expectedNext(chain.forwarderNonce(user), journal.inFlightNonces(user));
  }
}
