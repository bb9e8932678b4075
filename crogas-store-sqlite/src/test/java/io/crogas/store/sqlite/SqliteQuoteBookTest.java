package io.crogas.store.sqlite;

import io.crogas.domain.port.out.QuoteBook;
import io.crogas.domain.port.out.QuoteBookContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteQuoteBookTest extends QuoteBookContract {
  @TempDir Path dir;
  private SqliteDatabase database;

  @Override
  protected QuoteBook newQuoteBook() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteQuoteBook(database);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
