package io.crogas.benchmarks;

import static io.crogas.testfixtures.StoreSamples.BOB;
import static io.crogas.testfixtures.StoreSamples.accepted;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.confirmed;
import static io.crogas.testfixtures.StoreSamples.hash;
import static io.crogas.testfixtures.StoreSamples.submitted;
import static io.crogas.testfixtures.StoreSamples.tokenTransfer;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.port.out.Journal;
import io.crogas.store.redis.RedisJournal;
import io.crogas.store.redis.RedisStore;
import io.crogas.store.sqlite.SqliteDatabase;
import io.crogas.store.sqlite.SqliteJournal;
import io.crogas.testkit.RedisServer;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A settlement's journal writes (admit, SUBMITTED, CONFIRMED: three durable writes) on each store
 * with its money-journal settings: SQLite in WAL with {@code synchronous=FULL}, Redis with AOF and
 * {@code appendfsync always} (crogas-testkit's {@code RedisServer}, on loopback). Records are
 * signed before the measurement (signing is not the store's cost); run with {@code -t N} for N
 * concurrent writers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBenchmark {
  /** Records signed up front: more than any run of the documented command writes. */
  private static final int RECORDS = 60_000;

  @Param({"sqlite", "redis"})
  public String store;

  private final List<RelayRecord> records = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private Path dir;
  private SqliteDatabase database;
  private RedisServer redis;
  private RedisStore redisStore;
  private Journal journal;

  @Setup(Level.Trial)
  public void open() throws IOException {
    for (int i = 0; i < RECORDS; i++) {
      records.add(accepted("bench-" + i, tokenTransfer(BOB, i), at(0)));
    }
    if ("redis".equals(store)) {
      redis = RedisServer.start();
      redisStore = RedisStore.open(RedisURI.create(redis.uri()));
      journal = new RedisJournal(redisStore);
    } else {
      dir = Files.createTempDirectory("store-bench-");
      database = SqliteDatabase.open(dir.resolve("crogas.db"));
      journal = new SqliteJournal(database);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (redis != null) {
      redisStore.close();
      redis.close();
    } else {
      database.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  public boolean settlementJournal() {
    int n = next.getAndIncrement();
    if (n >= RECORDS) {
      throw new IllegalStateException("more writes than records signed: raise RECORDS");
    }
    RelayRecord record = records.get(n);
    journal.admit(record);
    RelayRecord sent = submitted(record, hash(n), at(1));
    journal.update(sent);
    return journal.update(confirmed(sent, true, at(2)));
  }
}
