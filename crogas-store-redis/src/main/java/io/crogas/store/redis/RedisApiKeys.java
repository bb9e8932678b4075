package io.crogas.store.redis;

import io.crogas.domain.model.ApiKey;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.ApiKeys;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link ApiKeys} in Redis: a hash per key ({@code ak:k:<id>}, the secret's hash only), the
 * secret's hash pointing at its id (what makes it unique), and the ids in the order added.
 */
public final class RedisApiKeys implements ApiKeys {
  private static final LuaScript ADD = LuaScript.load("apikey_add.lua");
  private static final LuaScript REVOKE = LuaScript.load("apikey_revoke.lua");

  private final RedisStore store;

  public RedisApiKeys(RedisStore store) {
    this.store = store;
  }

  @Override
  public boolean add(ApiKey key) {
    OptionalInt perMinute = key.limits().requestsPerMinute();
    Long added =
        store.run(
            ADD,
            ScriptOutputType.INTEGER,
            key.id(),
            key.secretHash().hex(),
            key.label(),
            perMinute.isPresent() ? Integer.toString(perMinute.getAsInt()) : "",
            RedisTimes.nanos(key.createdAt()),
            key.revokedAt().map(RedisTimes::nanos).orElse(""));
    return added == 1;
  }

  @Override
  public List<ApiKey> list() {
    return store.call(
        redis ->
            redis.zrange(store.key("ak:order"), 0, -1).stream()
                .map(id -> redis.hgetall(store.key("ak:k:" + id)))
                .filter(fields -> !fields.isEmpty())
                .map(RedisApiKeys::key)
                .toList());
  }

  @Override
  public boolean revoke(String id, Instant at) {
    Long revoked = store.run(REVOKE, ScriptOutputType.INTEGER, id, RedisTimes.nanos(at));
    return revoked == 1;
  }

  private static ApiKey key(Map<String, String> fields) {
    String perMinute = Objects.requireNonNull(fields.get("perMinute"));
    String revoked = Objects.requireNonNull(fields.get("revoked"));
    return new ApiKey(
        fields.get("id"),
        new Hash32(fields.get("hash")),
        fields.get("label"),
        new ApiKey.Limits(
            perMinute.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(perMinute))),
        RedisTimes.instant(fields.get("created")),
        revoked.isEmpty() ? Optional.empty() : Optional.of(RedisTimes.instant(revoked)));
  }
}
