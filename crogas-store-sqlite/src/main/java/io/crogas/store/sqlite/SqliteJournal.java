package io.crogas.store.sqlite;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.out.Journal;
import io.crogas.store.json.RelayRecordJson;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@link Journal} in the {@code relay_record} table: the record as a JSON body, plus the
 * columns the queries select and order by (key, state, payer, forwarder user and nonce, creation
 * time), rewritten from the record at every write so they never disagree with the body.
 */
public final class SqliteJournal implements Journal {
  private static final String SELECT = "SELECT id, body FROM relay_record ";
  private static final String OLDEST_FIRST = " ORDER BY created_second, created_nano, seq";
  private static final String NEWEST_FIRST =
      " ORDER BY created_second DESC, created_nano DESC, seq DESC";

  private final SqliteDatabase database;

  public SqliteJournal(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Admission admit(RelayRecord record) {
    return database.write(
        c -> {
          Optional<RelayRecord> existing =
              Sql.first(
                  c, SELECT + "WHERE idempotency_key = ?", SqliteJournal::record, key(record));
          if (existing.isPresent()) {
            return new Admission.Existing(existing.get());
          }
          Optional<RelayRecord> holder = nonceHolder(c, record);
          if (holder.isPresent()) {
            return new Admission.NonceInFlight(holder.get());
          }
          Instant created = record.history().get(0).at();
          Sql.update(
              c,
              """
              INSERT INTO relay_record (version, state, final, payer, forwarder_user, meta_nonce,
                body, id, idempotency_key, created_second, created_nano)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
              columns(
                  record, record.id(), key(record), created.getEpochSecond(), created.getNano()));
          return new Admission.Admitted(record);
        });
  }

  /**
   * Writes {@code next} over the stored version {@code next.version() - 1}. The key is part of the
   * condition: a record never changes its key, and a version that did must not move the index. A
   * version that is final writes its webhook deliveries in the same transaction.
   */
  @Override
  public boolean update(RelayRecord next) {
    return database.write(
        c -> {
          boolean moved =
              Sql.update(
                      c,
                      """
                      UPDATE relay_record SET version = ?, state = ?, final = ?, payer = ?,
                        forwarder_user = ?, meta_nonce = ?, body = ?
                      WHERE id = ? AND idempotency_key = ? AND version = ?""",
                      columns(next, next.id(), key(next), next.version() - 1))
                  == 1;
          if (moved) {
            // A final state cannot move on, so this write is the one that made it final.
            SqliteWebhookOutbox.enqueueFinished(c, next);
          }
          return moved;
        });
  }

  /** The unfinished forwarder call of the same user with the same meta-transaction nonce. */
  private static Optional<RelayRecord> nonceHolder(Connection c, RelayRecord record)
      throws SQLException {
    if (!(record.job() instanceof RelayJob.ForwarderCall call)) {
      return Optional.empty();
    }
    return Sql.first(
        c,
        SELECT + "WHERE forwarder_user = ? AND meta_nonce = ? AND final = 0",
        SqliteJournal::record,
        call.request().user().value(),
        call.request().metaTransaction().nonce().toString());
  }

  /** The values of the columns derived from {@code record}, followed by {@code more}. */
  private static Object[] columns(RelayRecord record, Object... more) {
    Optional<RelayJob.ForwarderCall> call =
        Optional.of(record.job())
            .filter(RelayJob.ForwarderCall.class::isInstance)
            .map(RelayJob.ForwarderCall.class::cast);
    Object[] derived = {
      record.version(),
      record.state().name(),
      record.state().isFinal() ? 1 : 0,
      record.job().payer().value(),
      call.map(c -> c.request().user().value()).orElse(null),
      call.map(c -> c.request().metaTransaction().nonce().toString()).orElse(null),
      RelayRecordJson.write(record)
    };
    Object[] all = new Object[derived.length + more.length];
    System.arraycopy(derived, 0, all, 0, derived.length);
    System.arraycopy(more, 0, all, derived.length, more.length);
    return all;
  }

  @Override
  public Optional<RelayRecord> find(String id) {
    return database.read(c -> Sql.first(c, SELECT + "WHERE id = ?", SqliteJournal::record, id));
  }

  @Override
  public Optional<RelayRecord> findByKey(IdempotencyKey key) {
    return database.read(
        c ->
            Sql.first(c, SELECT + "WHERE idempotency_key = ?", SqliteJournal::record, key.value()));
  }

  @Override
  public List<RelayRecord> inFlight() {
    return database.read(
        c -> Sql.query(c, SELECT + "WHERE final = 0" + OLDEST_FIRST, SqliteJournal::record));
  }

  @Override
  public List<RelayRecord> recent(Optional<Address> payer, int limit) {
    return database.read(
        c ->
            payer.isPresent()
                ? Sql.query(
                    c,
                    SELECT + "WHERE payer = ?" + NEWEST_FIRST + " LIMIT ?",
                    SqliteJournal::record,
                    payer.get().value(),
                    limit)
                : Sql.query(c, SELECT + NEWEST_FIRST + " LIMIT ?", SqliteJournal::record, limit));
  }

  @Override
  public SortedSet<BigInteger> inFlightNonces(Address user) {
    List<BigInteger> nonces =
        database.read(
            c ->
                Sql.query(
                    c,
                    "SELECT meta_nonce FROM relay_record WHERE forwarder_user = ? AND final = 0",
                    row -> new BigInteger(row.getString(1)),
                    user.value()));
    return new TreeSet<>(nonces);
  }

  private static String key(RelayRecord record) {
    return record.key().value();
  }

  private static RelayRecord record(ResultSet row) throws SQLException {
    return RelayRecordJson.read(row.getString("body"), row.getString("id"));
  }
}
