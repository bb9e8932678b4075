package io.crogas.http;

import io.crogas.domain.model.ApiKey;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.ApiKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active API keys in memory, by the hash of their secret, read again from the store every
 * {@code refresh} on a thread of its own: a keyed request costs at most one SHA-256 and a map
 * lookup, never a read of the store, and an unknown key (a guess, a typo) costs no more. A key
 * created or revoked in the store works, or stops working, within one refresh.
 *
 * <p>A secret that matched an active key is remembered until the next refresh, so a client's
 * following requests skip the hash (about 5% of a constant answer's CPU). Only matches are kept, so
 * the map holds at most one entry per active key, and every refresh starts it empty: a revoked key
 * is forgotten with the read that no longer lists it. The store itself keeps hashes only.
 */
final class ApiKeyCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyCache.class);

  private final ApiKeys store;
  private final Duration refresh;
  private volatile Active active = new Active(Map.of());
  private ScheduledExecutorService reader;

  ApiKeyCache(ApiKeys store, Duration refresh) {
    this.store = store;
    this.refresh = refresh;
  }

  /** Reads the keys now (a store that cannot be read fails the start) and then every refresh. */
  synchronized void start() {
    load();
    reader =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "crogas-api-keys");
              thread.setDaemon(true);
              return thread;
            });
    reader.scheduleWithFixedDelay(
        this::reload, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The active key whose secret {@code presented} is. */
  Optional<ApiKey> find(String presented) {
    return active.find(presented);
  }

  private void load() {
    active =
        new Active(
            store.list().stream()
                .filter(ApiKey::active)
                .collect(Collectors.toUnmodifiableMap(ApiKey::secretHash, Function.identity())));
  }

  /** A store that cannot be read now keeps the keys last read: clients go on, the log says why. */
  private void reload() {
    try {
      load();
    } catch (RuntimeException e) {
      LOG.warn("API keys not re-read (the last ones read stay in use): {}", e.getMessage());
    }
  }

  /** One read of the store, and the secrets seen to match it since. */
  private record Active(Map<Hash32, ApiKey> byHash, Map<String, ApiKey> matched) {
    Active(Map<Hash32, ApiKey> byHash) {
      this(byHash, new ConcurrentHashMap<>());
    }

    Optional<ApiKey> find(String presented) {
      ApiKey seen = presented == null ? null : matched.get(presented);
      if (seen != null) {
        return Optional.of(seen);
      }
      Optional<ApiKey> key = ApiKey.hashOf(presented).map(byHash::get);
      key.ifPresent(found -> matched.put(presented, found));
      return key;
    }
  }

  @Override
  public synchronized void close() {
    if (reader != null) {
      reader.shutdownNow();
    }
  }
}
