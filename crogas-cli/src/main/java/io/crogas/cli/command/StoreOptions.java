package io.crogas.cli.command;

import io.crogas.cli.serve.Setting;
import io.crogas.cli.serve.SettingsSource;
import io.crogas.store.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The store file as {@code serve} finds it: --store, else CROGAS_STORE or crogas.store (in
 * --config), else crogas.db. For commands that change rows a running {@code serve} reads.
 */
final class StoreOptions {
  @Option(names = "--store", paramLabel = "FILE", description = "The store file (as serve's).")
  Path store;

  @Option(names = "--config", paramLabel = "FILE", description = "serve's .properties file.")
  Path config;

  /** Opens the store, runs {@code work} on the port {@code adapter} makes of it, closes it. */
  <S, T> T open(
      Map<String, String> environment, Function<SqliteDatabase, S> adapter, Function<S, T> work) {
    Path file =
        Optional.ofNullable(store)
            .orElseGet(
                () ->
                    SettingsSource.of(environment, Optional.ofNullable(config))
                        .value(Setting.STORE)
                        .map(Path::of)
                        .orElse(Path.of("crogas.db")));
    try (SqliteDatabase database = SqliteDatabase.open(file)) {
      return work.apply(adapter.apply(database));
    }
  }
}
