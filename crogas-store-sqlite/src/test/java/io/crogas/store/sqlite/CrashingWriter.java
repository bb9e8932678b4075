package io.crogas.store.sqlite;

import io.crogas.testfixtures.StoreSamples;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: admits records until it is killed, printing each
 * record's id once {@code admit} has returned (committed), never before. With a thread count as
 * second argument, that many threads admit at once, so their writes share commits.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) {
    SqliteJournal journal = new SqliteJournal(SqliteDatabase.open(Path.of(args[0])));
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int t = 1; t < threads; t++) {
      int writer = t;
      new Thread(() -> admitForever(journal, writer)).start();
    }
    admitForever(journal, 0);
  }

  private static void admitForever(SqliteJournal journal, int writer) {
    for (long n = writer * 1_000_000_000L; ; n++) {
      String id = "crash-" + n;
      journal.admit(
          StoreSamples.accepted(
              id, StoreSamples.tokenTransfer(StoreSamples.BOB, n), StoreSamples.at(n)));
      synchronized (System.out) {
        System.out.println(id);
        System.out.flush();
      }
    }
  }
}
