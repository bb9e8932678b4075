package io.crogas.store.sqlite;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.NonceLedger;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link NonceLedger} in two tables: {@code nonce_assignment} (one row per relayer and nonce:
 * the record it serves, the mined hash once known) and {@code signed_transaction} (every signed
 * transaction for a nonce, in the order recorded). Assigning reads the lane's highest nonce and
 * inserts the next inside one {@code BEGIN IMMEDIATE} transaction, so two assigners never take the
 * same nonce, even from two processes. A {@link #fenced} view checks its lease against {@code
 * key_lease} ({@link SqliteKeyLeases}) inside each write's transaction.
 */
public final class SqliteNonceLedger implements NonceLedger {
  private static final String ASSIGNMENTS =
      """
      SELECT a.relayer, a.nonce, a.record_id, a.mined_hash, t.hash, t.raw, t.max_fee_per_gas,
        t.tip, t.gas_limit, t.signed_second, t.signed_nano
      FROM nonce_assignment a
      LEFT JOIN signed_transaction t ON t.relayer = a.relayer AND t.nonce = a.nonce
      """;

  private final SqliteDatabase database;
  private final Optional<KeyLease> fence;

  public SqliteNonceLedger(SqliteDatabase database) {
    this(database, Optional.empty());
  }

  private SqliteNonceLedger(SqliteDatabase database, Optional<KeyLease> fence) {
    this.database = database;
    this.fence = fence;
  }

  @Override
  public NonceLedger fenced(KeyLease lease) {
    return new SqliteNonceLedger(database, Optional.of(lease));
  }

  /**
   * Runs {@code work} in a write transaction that first checks this view's lease on {@code key}.
   */
  private <T> T write(Address key, SqliteDatabase.SqlWork<T> work) {
    return database.write(
        c -> {
          if (fence.isPresent()) {
            SqliteKeyLeases.check(c, fence.get(), key);
          }
          return work.run(c);
        });
  }

  @Override
  public NonceAssignment assign(Address relayer, Optional<String> recordId, long chainFloor) {
    return write(
        relayer,
        c -> {
          if (recordId.isPresent()) {
            List<NonceAssignment> held =
                assignments(
                    c, "WHERE a.relayer = ? AND a.record_id = ?", relayer.value(), recordId.get());
            if (!held.isEmpty()) {
              return held.get(0);
            }
          }
          Optional<Long> highest =
              Sql.first(
                  c,
                  "SELECT nonce FROM nonce_assignment WHERE relayer = ? ORDER BY nonce DESC LIMIT 1",
                  row -> row.getLong(1),
                  relayer.value());
          long nonce = highest.map(h -> Math.max(chainFloor, h + 1)).orElse(chainFloor);
          Sql.update(
              c,
              "INSERT INTO nonce_assignment (relayer, nonce, record_id) VALUES (?, ?, ?)",
              relayer.value(),
              nonce,
              recordId.orElse(null));
          return new NonceAssignment(relayer, nonce, recordId, List.of(), Optional.empty());
        });
  }

  @Override
  public boolean recordSigned(SignedTransaction transaction) {
    return write(
        transaction.relayer(),
        c -> {
          boolean open =
              Sql.first(
                      c,
                      """
                      SELECT 1 FROM nonce_assignment
                      WHERE relayer = ? AND nonce = ? AND mined_hash IS NULL""",
                      row -> true,
                      transaction.relayer().value(),
                      transaction.nonce())
                  .isPresent();
          if (open) {
            Sql.update(
                c,
                """
                INSERT INTO signed_transaction (relayer, nonce, hash, raw, max_fee_per_gas, tip,
                  gas_limit, signed_second, signed_nano)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                transaction.relayer().value(),
                transaction.nonce(),
                transaction.hash().hex(),
                transaction.raw(),
                transaction.maxFeePerGas().value().toString(),
                transaction.tip().value().toString(),
                transaction.gasLimit().toString(),
                transaction.signedAt().getEpochSecond(),
                transaction.signedAt().getNano());
          }
          return open;
        });
  }

  @Override
  public void markMined(Address relayer, long nonce, Hash32 hash) {
    write(
        relayer,
        c ->
            Sql.update(
                c,
                "UPDATE nonce_assignment SET mined_hash = ? WHERE relayer = ? AND nonce = ?",
                hash.hex(),
                relayer.value(),
                nonce));
  }

  @Override
  public void orphan(Address relayer, long nonce) {
    write(
        relayer,
        c ->
            Sql.update(
                c,
                "UPDATE nonce_assignment SET record_id = NULL WHERE relayer = ? AND nonce = ?",
                relayer.value(),
                nonce));
  }

  @Override
  public List<NonceAssignment> pending(Address relayer) {
    return database.read(
        c -> assignments(c, "WHERE a.relayer = ? AND a.mined_hash IS NULL", relayer.value()));
  }

  @Override
  public Optional<NonceAssignment> forRecord(String recordId) {
    return database.read(
        c -> assignments(c, "WHERE a.record_id = ?", recordId).stream().findFirst());
  }

  /** The assignments matching {@code where}, lowest nonce first, each with its transactions. */
  private static List<NonceAssignment> assignments(Connection c, String where, Object... parameters)
      throws SQLException {
    List<Row> rows =
        Sql.query(
            c,
            ASSIGNMENTS + where + " ORDER BY a.relayer, a.nonce, t.seq",
            SqliteNonceLedger::row,
            parameters);
    Map<String, List<Row>> byNonce = new LinkedHashMap<>();
    for (Row row : rows) {
      byNonce.computeIfAbsent(row.relayer() + "/" + row.nonce(), k -> new ArrayList<>()).add(row);
    }
    List<NonceAssignment> assignments = new ArrayList<>();
    for (List<Row> group : byNonce.values()) {
      Row head = group.get(0);
      List<SignedTransaction> transactions =
          group.stream().flatMap(r -> r.transaction().stream()).toList();
      assignments.add(
          new NonceAssignment(
              head.relayer(), head.nonce(), head.recordId(), transactions, head.mined()));
    }
    return assignments;
  }

  private static Row row(ResultSet row) throws SQLException {
    Address relayer = new Address(row.getString("relayer"));
    long nonce = row.getLong("nonce");
    Optional<SignedTransaction> transaction =
        row.getString("hash") == null
            ? Optional.empty()
            : Optional.of(
                new SignedTransaction(
                    relayer,
                    nonce,
                    new Hash32(row.getString("hash")),
                    row.getString("raw"),
                    new Wei(new BigInteger(row.getString("max_fee_per_gas"))),
                    new Wei(new BigInteger(row.getString("tip"))),
                    new BigInteger(row.getString("gas_limit")),
                    Instant.ofEpochSecond(
                        row.getLong("signed_second"), row.getInt("signed_nano"))));
    return new Row(
        relayer,
        nonce,
        Optional.ofNullable(row.getString("record_id")),
        Optional.ofNullable(row.getString("mined_hash")).map(Hash32::new),
        transaction);
  }

  /** One row of the join: an assignment and at most one of its transactions. */
  private record Row(
      Address relayer,
      long nonce,
      Optional<String> recordId,
      Optional<Hash32> mined,
      Optional<SignedTransaction> transaction) {}
}
