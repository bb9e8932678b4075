package io.crogas.store.sqlite;

import io.crogas.domain.port.out.Journal;
import io.crogas.testfixtures.contracts.JournalContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest extends JournalContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected Journal newJournal() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteJournal(database);
  }

  // A new process opening the same file: nothing may live only in the closed connections.
  @Override
  protected Journal reopen(Journal current) {
    database.close();
    return newJournal();
  }
}
