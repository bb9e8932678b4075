package io.crogas.domain.fakes;

import io.crogas.domain.port.out.NonceLedger;
import io.crogas.domain.port.out.NonceLedgerContract;

class InMemoryNonceLedgerTest extends NonceLedgerContract {
  @Override
  protected NonceLedger newNonceLedger() {
    return new InMemoryNonceLedger();
  }
}
