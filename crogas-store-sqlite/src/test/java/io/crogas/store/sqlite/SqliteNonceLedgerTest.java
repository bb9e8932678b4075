package io.crogas.store.sqlite;

import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.NonceLedgerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

class SqliteNonceLedgerTest extends NonceLedgerContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected NonceLedger newNonceLedger() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteNonceLedger(database);
  }

  @Override
  protected KeyLeases leasesOf(NonceLedger ledger) {
    return new SqliteKeyLeases(database);
  }

  // A new process opening the same file: nothing may live only in the closed connections.
  @Override
  protected NonceLedger reopen(NonceLedger current) {
    database.close();
    return newNonceLedger();
  }
}
