package io.crogas.testfixtures;

import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.NonceLedgerContract;

class InMemoryNonceLedgerTest extends NonceLedgerContract {
  @Override
  protected NonceLedger newNonceLedger() {
    return new InMemoryNonceLedger();
  }

  @Override
  protected KeyLeases leasesOf(NonceLedger ledger) {
    return ((InMemoryNonceLedger) ledger).leases();
  }
}
