package io.crogas.store.sqlite;

import io.crogas.testfixtures.StoreSamples;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: admits records until it is killed, printing each
 * record's id once {@code admit} has returned (committed), never before.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) {
    SqliteJournal journal = new SqliteJournal(SqliteDatabase.open(Path.of(args[0])));
    for (long n = 0; ; n++) {
      String id = "crash-" + n;
      journal.admit(
          StoreSamples.accepted(
              id, StoreSamples.tokenTransfer(StoreSamples.BOB, n), StoreSamples.at(n)));
      System.out.println(id);
      System.out.flush();
    }
  }
}
