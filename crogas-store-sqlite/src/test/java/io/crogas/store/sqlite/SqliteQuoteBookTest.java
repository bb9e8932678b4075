package io.crogas.store.sqlite;

import io.crogas.domain.port.out.QuoteBook;
import io.crogas.testfixtures.contracts.QuoteBookContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

class SqliteQuoteBookTest extends QuoteBookContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected QuoteBook newQuoteBook() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteQuoteBook(database);
  }
}
