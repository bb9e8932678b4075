package io.crogas.store.sqlite;

import io.crogas.domain.port.out.RateLimitStore;
import io.crogas.testfixtures.contracts.RateLimitStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

class SqliteRateLimitStoreTest extends RateLimitStoreContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected RateLimitStore newRateLimitStore() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteRateLimitStore(database);
  }
}
