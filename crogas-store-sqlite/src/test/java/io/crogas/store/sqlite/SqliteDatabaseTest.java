package io.crogas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.out.Journal;
import io.crogas.testfixtures.StoreSamples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {
  @TempDir Path dir;

  @Test
  void givenANewFile_whenOpened_thenWalFullSyncAndTheCurrentSchema() {
    try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("sub/crogas.db"))) {
      String mode = database.write(c -> SqliteDatabase.pragma(c, "journal_mode"));
      String writerSync = database.write(c -> SqliteDatabase.pragma(c, "synchronous"));
      String readerSync = database.read(c -> SqliteDatabase.pragma(c, "synchronous"));
      String busyTimeout = database.read(c -> SqliteDatabase.pragma(c, "busy_timeout"));
      int version = database.read(this::schemaVersion);

      assertThat(mode).isEqualTo("wal");
      // 2 = FULL: every commit is fsynced.
      assertThat(writerSync).isEqualTo("2");
      assertThat(readerSync).isEqualTo("2");
      assertThat(busyTimeout).isEqualTo("10000");
      assertThat(version).isEqualTo(Schema.current());
    }
  }

  @Test
  void givenAnExistingStore_whenReopened_thenItsDataAndVersionAreKept() {
    try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("crogas.db"))) {
      new SqliteJournal(database)
          .admit(
              StoreSamples.accepted(
                  "r-1", StoreSamples.tokenTransfer(StoreSamples.ALICE, 1), StoreSamples.at(0)));
    }

    try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("crogas.db"))) {
      assertThat(new SqliteJournal(database).find("r-1")).isPresent();
      assertThat(database.read(this::schemaVersion)).isEqualTo(Schema.current());
    }
  }

  @Test
  void givenAFileFromANewerRelease_whenOpened_thenRefusedWithoutTouchingIt() throws Exception {
    Path file = dir.resolve("crogas.db");
    SqliteDatabase.open(file).close();
    sql(file, "UPDATE schema_version SET version = 999");

    assertThatThrownBy(() -> SqliteDatabase.open(file))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("newer release");
  }

  @Test
  void givenAVersion2Store_whenOpened_thenItGainsApiKeysAndLeasesLosesRateLimitsAndKeepsItsData()
      throws Exception {
    Path file = dir.resolve("crogas.db");
    try (SqliteDatabase database = SqliteDatabase.open(file)) {
      new SqliteJournal(database)
          .admit(
              StoreSamples.accepted(
                  "r-1", StoreSamples.tokenTransfer(StoreSamples.ALICE, 1), StoreSamples.at(0)));
    }
    // The file as release 2 left it: no api_key or key_lease table, a rate_limit table with rows.
    sql(file, "DROP TABLE api_key");
    sql(file, "DROP TABLE key_lease");
    sql(
        file,
        "CREATE TABLE rate_limit (bucket TEXT PRIMARY KEY, window_start INTEGER NOT NULL,"
            + " window_end INTEGER NOT NULL, hits INTEGER NOT NULL) WITHOUT ROWID");
    sql(file, "INSERT INTO rate_limit VALUES ('ip:127.0.0.1', 0, 60000, 3)");
    sql(file, "UPDATE schema_version SET version = 2");

    try (SqliteDatabase database = SqliteDatabase.open(file)) {
      List<String> tables =
          database.read(
              c ->
                  Sql.query(
                      c,
                      "SELECT name FROM sqlite_master WHERE type = 'table'",
                      r -> r.getString(1)));

      assertThat(tables).contains("api_key", "key_lease").doesNotContain("rate_limit");
      assertThat(new SqliteApiKeys(database).list()).isEmpty();
      assertThat(new SqliteJournal(database).find("r-1")).isPresent();
      assertThat(database.read(this::schemaVersion)).isEqualTo(Schema.current());
    }
  }

  @Test
  void givenAClosedStore_whenUsed_thenStoreUnavailable() {
    SqliteDatabase database = SqliteDatabase.open(dir.resolve("crogas.db"));
    database.close();

    assertThatThrownBy(() -> new SqliteJournal(database).find("r-1"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void givenAnUnreadableRow_whenRead_thenStoreUnavailableNamingTheRow() throws Exception {
    Path file = dir.resolve("crogas.db");
    try (SqliteDatabase database = SqliteDatabase.open(file)) {
      new SqliteJournal(database)
          .admit(
              StoreSamples.accepted(
                  "r-1", StoreSamples.tokenTransfer(StoreSamples.ALICE, 1), StoreSamples.at(0)));
    }
    sql(file, "UPDATE relay_record SET body = '{\"id\":\"r-1\"}'");

    try (SqliteDatabase database = SqliteDatabase.open(file)) {
      assertThatThrownBy(() -> new SqliteJournal(database).find("r-1"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("journal row r-1");
    }
  }

  @Test
  void givenAFailingWrite_whenItThrows_thenNothingOfItIsCommitted() {
    try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("crogas.db"))) {
      assertThatThrownBy(
              () ->
                  database.write(
                      c -> {
                        Sql.update(c, "INSERT INTO schema_version (version) VALUES (42)");
                        return Sql.update(c, "INSERT INTO no_such_table VALUES (1)");
                      }))
          .isInstanceOf(StoreUnavailableException.class);

      List<Integer> versions =
          database.read(c -> Sql.query(c, "SELECT version FROM schema_version", r -> r.getInt(1)));
      assertThat(versions).containsExactly(Schema.current());
    }
  }

  @Test
  void
      givenWritesQueuedBehindABusyWriter_whenOneOfThemFails_thenEveryOtherIsCommittedBeforeItReturns()
          throws Exception {
    try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("crogas.db"))) {
      SqliteJournal journal = new SqliteJournal(database);
      CountDownLatch hold = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(17);
      try {
        CountDownLatch writing = new CountDownLatch(1);
        Future<Integer> busy =
            threads.submit(
                () ->
                    database.write(
                        c -> {
                          writing.countDown();
                          return held(hold);
                        }));
        // The others queue only once the busy write holds the writer, so none joins its batch.
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Journal.Admission>> admits = new ArrayList<>();
        for (int n = 0; n < 15; n++) {
          RelayRecord record =
              StoreSamples.accepted(
                  "queued-" + n,
                  StoreSamples.tokenTransfer(StoreSamples.BOB, n),
                  StoreSamples.at(n));
          admits.add(
              threads.submit(
                  () -> {
                    Journal.Admission admission = journal.admit(record);
                    // Returned means committed: the read connection sees it at once.
                    assertThat(journal.find(record.id())).isPresent();
                    return admission;
                  }));
        }
        Future<Integer> failing =
            threads.submit(
                () ->
                    database.write(
                        c -> {
                          Sql.update(c, "INSERT INTO schema_version (version) VALUES (42)");
                          throw new IllegalStateException("this write fails");
                        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> database.queuedWrites() == 16);
        hold.countDown();

        assertThat(busy.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Journal.Admission> admit : admits) {
          assertThat(admit.get(10, TimeUnit.SECONDS))
              .isInstanceOf(Journal.Admission.Admitted.class);
        }
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("this write fails");
      } finally {
        threads.shutdownNow();
      }
      List<Integer> versions =
          database.read(c -> Sql.query(c, "SELECT version FROM schema_version", r -> r.getInt(1)));
      assertThat(versions).containsExactly(Schema.current());
      assertThat(journal.recent(java.util.Optional.empty(), 100)).hasSize(15);
    }
  }

  private static int held(CountDownLatch latch) throws java.sql.SQLException {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new java.sql.SQLException("never released");
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.sql.SQLException(e);
    }
  }

  private int schemaVersion(Connection c) throws java.sql.SQLException {
    try (Statement statement = c.createStatement()) {
      return Schema.version(statement);
    }
  }

  private static void sql(Path file, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }
}
