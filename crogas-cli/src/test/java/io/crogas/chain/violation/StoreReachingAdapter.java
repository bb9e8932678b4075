package io.crogas.chain.violation;

import io.crogas.store.sqlite.SqliteDatabase;
import java.nio.file.Path;

/** Deliberately breaks the layer rules (a chain adapter using the store). */
public final class StoreReachingAdapter {
  private StoreReachingAdapter() {}

  public static Object open(Path file) {
    return SqliteDatabase.open(file);
  }
}
