package io.crogas.store.sqlite;

import io.crogas.domain.port.out.KeyLeases;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.KeyLeasesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

class SqliteKeyLeasesTest extends KeyLeasesContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected KeyLeases newKeyLeases() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteKeyLeases(database);
  }

  @Override
  protected NonceLedger ledgerOf(KeyLeases leases) {
    return new SqliteNonceLedger(database);
  }

  // A new process opening the same file: tokens must not start again from the beginning.
  @Override
  protected KeyLeases reopen(KeyLeases current) {
    database.close();
    return newKeyLeases();
  }
}
