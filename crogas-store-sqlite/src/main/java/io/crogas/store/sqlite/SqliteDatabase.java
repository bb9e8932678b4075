package io.crogas.store.sqlite;

import io.crogas.domain.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file holding every store of a CroGas instance, opened with the settings a money-moving
 * journal needs, its schema created or migrated on open. The port adapters ({@link SqliteJournal},
 * {@link SqliteQuoteBook}, {@link SqliteNonceLedger}, {@link SqliteKeyLeases}, {@link
 * SqliteWebhookOutbox}, {@link SqliteApiKeys}) share one.
 *
 * <p>SQLite allows one writer at a time: writes go through one connection, one at a time, in a
 * {@code BEGIN IMMEDIATE} transaction, so a read-modify-write (admit, assign) holds the write lock
 * from its read to its commit, also against another process on the same file. Writes that arrive
 * while another commits share the next transaction (group commit): each runs alone in a savepoint,
 * so one that fails is undone without the others, and every caller returns only after the one
 * commit (one fsync) that holds its write. Reads use a second connection and, in WAL mode, never
 * wait for a writer.
 */
public final class SqliteDatabase implements AutoCloseable {
  /** How long a statement waits for another process's lock before failing. */
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private final Path file;
  private final Connection writer;
  private final Connection reader;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private final Queue<QueuedWrite<?>> queued = new ConcurrentLinkedQueue<>();
  private boolean closed;

  private SqliteDatabase(Path file, Connection writer, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.reader = reader;
  }

  /** Opens (creating if needed) the database at {@code file} and brings its schema up to date. */
  public static SqliteDatabase open(Path file) {
    Path absolute = file.toAbsolutePath();
    Connection writer = null;
    try {
      Files.createDirectories(absolute.getParent());
      writer = connect(absolute);
      // WAL: readers see the last commit while a write is in progress, and a commit appends to
      // the log instead of rewriting pages in place. The mode is stored in the file.
      String mode = pragma(writer, "journal_mode = WAL");
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new StoreUnavailableException(absolute + " refused WAL mode (got " + mode + ")");
      }
      execute(writer, "BEGIN IMMEDIATE");
      Schema.migrate(writer);
      execute(writer, "COMMIT");
      Connection reader = connect(absolute);
      // A guard: nothing written through the read connection could be serialised with the writer.
      execute(reader, "PRAGMA query_only = ON");
      return new SqliteDatabase(absolute, writer, reader);
    } catch (SQLException | IOException | RuntimeException e) {
      closeQuietly(writer, e);
      if (e instanceof StoreUnavailableException unavailable) {
        throw unavailable;
      }
      throw new StoreUnavailableException("cannot open the store at " + absolute, e);
    }
  }

  private static Connection connect(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    execute(connection, "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
    // FULL: the log is fsynced at every commit, so a write the journal reported as committed
    // (a request accepted, a nonce assigned, a signed transaction recorded) survives a power cut,
    // not only a process crash. NORMAL would stay consistent but could lose the last commits, and
    // with them the record of money already moving.
    execute(connection, "PRAGMA synchronous = FULL");
    execute(connection, "PRAGMA foreign_keys = ON");
    return connection;
  }

  /** Where the database lives. */
  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in a write transaction, serialised with every other write of this process and
   * holding SQLite's write lock throughout; returns once it is committed, and when it throws,
   * nothing it wrote is. Writes queued meanwhile by other threads may share the transaction.
   */
  <T> T write(SqlWork<T> work) {
    QueuedWrite<T> mine = new QueuedWrite<>(work);
    queued.add(mine);
    writeLock.lock();
    try {
      // A writer that held the lock before took every write queued by then, this one perhaps.
      while (!mine.done) {
        commitQueued();
      }
    } finally {
      writeLock.unlock();
    }
    return mine.answer();
  }

  /** Writes waiting for the next commit (for tests). */
  int queuedWrites() {
    return queued.size();
  }

  // Holding the write lock: one transaction for every write queued now, each in a savepoint.
  private void commitQueued() {
    List<QueuedWrite<?>> batch = new ArrayList<>();
    for (QueuedWrite<?> next = queued.poll(); next != null; next = queued.poll()) {
      batch.add(next);
    }
    StoreUnavailableException failure = null;
    try {
      if (closed) {
        throw new StoreUnavailableException("the store at " + file + " is closed");
      }
      execute(writer, "BEGIN IMMEDIATE");
      try {
        for (QueuedWrite<?> write : batch) {
          execute(writer, "SAVEPOINT queued_write");
          if (!write.run(writer)) {
            // If SQLite itself ended the transaction, this fails and so does the whole batch.
            execute(writer, "ROLLBACK TO queued_write");
          }
          execute(writer, "RELEASE queued_write");
        }
        execute(writer, "COMMIT");
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(writer, e);
        throw e;
      }
    } catch (StoreUnavailableException e) {
      failure = e;
    } catch (SQLException | RuntimeException e) {
      failure = unavailable(e);
    } finally {
      for (QueuedWrite<?> write : batch) {
        // Without the commit, even a write that succeeded in the batch is not kept.
        write.finish(failure);
      }
    }
  }

  private StoreUnavailableException unavailable(Exception e) {
    return new StoreUnavailableException("the store at " + file + " failed: " + e.getMessage(), e);
  }

  /** Runs {@code work} in a read transaction: every query in it sees the same snapshot. */
  <T> T read(SqlWork<T> work) {
    return inTransaction(readLock, reader, "BEGIN", work);
  }

  private <T> T inTransaction(
      ReentrantLock lock, Connection connection, String begin, SqlWork<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StoreUnavailableException("the store at " + file + " is closed");
      }
      execute(connection, begin);
      try {
        T result = work.run(connection);
        execute(connection, "COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreUnavailableException("the store at " + file + " failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Closes both connections; later calls fail with {@link StoreUnavailableException}. */
  @Override
  public void close() {
    writeLock.lock();
    readLock.lock();
    try {
      if (!closed) {
        closed = true;
        closeQuietly(reader, null);
        closeQuietly(writer, null);
      }
    } finally {
      readLock.unlock();
      writeLock.unlock();
    }
  }

  static String pragma(Connection connection, String pragma) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
      return rows.next() ? rows.getString(1) : "";
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void closeQuietly(Connection connection, Exception failure) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  /** A write waiting for its commit, then its answer or its failure. */
  private final class QueuedWrite<T> {
    private final SqlWork<T> work;
    private T value;
    private Throwable failure;
    // Written and read holding the write lock.
    private boolean done;

    QueuedWrite(SqlWork<T> work) {
      this.work = work;
    }

    /** Runs the work; false when it threw (its failure is kept for its caller). */
    boolean run(Connection connection) {
      try {
        value = work.run(connection);
        return true;
      } catch (SQLException e) {
        failure = unavailable(e);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      return false;
    }

    void finish(StoreUnavailableException batchFailure) {
      if (batchFailure != null && failure == null) {
        failure = batchFailure;
      }
      done = true;
    }

    T answer() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return value;
    }
  }

  /** Work done with a connection inside a transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
