package io.crogas.testfixtures;

import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.KeyLeasesContract;

class InMemoryKeyLeasesTest extends KeyLeasesContract {
  @Override
  protected KeyLeases newKeyLeases() {
    return new InMemoryKeyLeases();
  }

  @Override
  protected NonceLedger ledgerOf(KeyLeases leases) {
    return new InMemoryNonceLedger((InMemoryKeyLeases) leases);
  }
}
