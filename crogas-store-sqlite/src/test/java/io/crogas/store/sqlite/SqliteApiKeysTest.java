package io.crogas.store.sqlite;

import io.crogas.domain.port.out.ApiKeys;
import io.crogas.testfixtures.contracts.ApiKeysContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;

class SqliteApiKeysTest extends ApiKeysContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected ApiKeys newApiKeys() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteApiKeys(database);
  }

  // A new process opening the same file: nothing may live only in the closed connections.
  @Override
  protected ApiKeys reopen(ApiKeys current) {
    database.close();
    return newApiKeys();
  }
}
