package io.crogas.testfixtures;

import io.crogas.domain.model.ApiKey;
import io.crogas.domain.port.out.ApiKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API keys in a map: what the core's and the HTTP adapter's tests use instead of a store. */
public final class InMemoryApiKeys implements ApiKeys {
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();

  @Override
  public synchronized boolean add(ApiKey key) {
    boolean taken =
        keys.containsKey(key.id())
            || keys.values().stream().anyMatch(k -> k.secretHash().equals(key.secretHash()));
    if (taken) {
      return false;
    }
    keys.put(key.id(), key);
    return true;
  }

  @Override
  public synchronized List<ApiKey> list() {
    return List.copyOf(keys.values());
  }

  @Override
  public synchronized boolean revoke(String id, Instant at) {
    ApiKey key = keys.get(id);
    if (key == null || !key.active()) {
      return false;
    }
    keys.put(id, key.revoked(at));
    return true;
  }
}
