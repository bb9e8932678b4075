package io.crogas.cli.command;

import io.crogas.cli.serve.Setting;
import io.crogas.cli.serve.SettingsSource;
import io.crogas.node.NodeStores;
import io.crogas.node.StoreLocation;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The store as {@code serve} finds it: --store, else CROGAS_STORE or crogas.store (in --config),
 * else crogas.db; a SQLite file or a {@code redis://} URI (keys under CROGAS_STORE_PREFIX). For
 * commands that change what a running {@code serve} reads.
 */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "FILE|URI",
      description = "The store: a file or a redis:// URI (as serve's).")
  String store;

  @Option(names = "--config", paramLabel = "FILE", description = "serve's .properties file.")
  Path config;

  /** Opens the store, runs {@code work} on the port {@code adapter} picks from it, closes it. */
  <S, T> T open(
      Map<String, String> environment, Function<NodeStores, S> adapter, Function<S, T> work) {
    SettingsSource settings = SettingsSource.of(environment, Optional.ofNullable(config));
    String location =
        Optional.ofNullable(store)
            .orElseGet(() -> settings.value(Setting.STORE).orElse("crogas.db"));
    String prefix = settings.value(Setting.STORE_PREFIX).orElse(StoreLocation.Redis.DEFAULT_PREFIX);
    try (NodeStores stores =
        NodeStores.open(StoreLocation.parse(location, prefix), InstantSource.system())) {
      return work.apply(adapter.apply(stores));
    }
  }
}
