package io.crogas.store.sqlite;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.QuoteBook;
import io.crogas.store.json.FeeQuoteJson;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link QuoteBook} in the {@code fee_quote} table, one row per issued quote. A quote is only
 * ever useful until it expires (minutes); rows that expired a day before the newest quote are
 * dropped as new ones arrive, so the table stays as small as the traffic of one day.
 */
public final class SqliteQuoteBook implements QuoteBook {
  /** How long an expired quote is kept, for an operator looking into a dispute. */
  static final Duration RETENTION = Duration.ofDays(1);

  private final SqliteDatabase database;

  public SqliteQuoteBook(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public void save(FeeQuote quote) {
    database.write(
        c -> {
          Sql.update(
              c,
              "DELETE FROM fee_quote WHERE expires_second < ?",
              quote.expiresAt().minus(RETENTION).getEpochSecond());
          return Sql.update(
              c,
              "INSERT INTO fee_quote (quote_id, digest, expires_second, body) VALUES (?, ?, ?, ?)",
              quote.quoteId(),
              quote.digest().hex(),
              quote.expiresAt().getEpochSecond(),
              FeeQuoteJson.write(quote));
        });
  }

  @Override
  public Optional<FeeQuote> latestFor(Hash32 digest) {
    return database.read(
        c ->
            Sql.first(
                c,
                "SELECT seq, body FROM fee_quote WHERE digest = ? ORDER BY seq DESC LIMIT 1",
                row -> FeeQuoteJson.read(row.getString("body"), row.getString("seq")),
                digest.hex()));
  }
}
