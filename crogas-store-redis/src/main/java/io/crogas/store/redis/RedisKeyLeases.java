package io.crogas.store.redis;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.port.out.KeyLeases;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link KeyLeases} in Redis: a hash per relayer key ({@code lease:<key>}) with its last
 * fencing token (only ever incremented), the holder (empty once released) and the expiry. Expiry is
 * the caller's time, as the port says, not a Redis TTL: the hash stays, so the next grant's token
 * is larger than every earlier one. Each operation is one script, so eight instances taking a key
 * at once get one grant; {@link RedisNonceLedger#fenced} views check the same hash in each write's
 * script.
 */
public final class RedisKeyLeases implements KeyLeases {
  private static final LuaScript ACQUIRE = LuaScript.load("lease_acquire.lua");
  private static final LuaScript RENEW = LuaScript.load("lease_renew.lua");
  private static final LuaScript RELEASE = LuaScript.load("lease_release.lua");

  private final RedisStore store;

  public RedisKeyLeases(RedisStore store) {
    this.store = store;
  }

  @Override
  public Acquisition acquire(Address key, String holder, Instant now, Duration ttl) {
    Instant expires = now.plus(ttl);
    List<Object> answer =
        RedisStore.list(
            store.run(
                ACQUIRE,
                ScriptOutputType.MULTI,
                key.value(),
                holder,
                RedisTimes.nanos(now),
                RedisTimes.nanos(expires)));
    if ("granted".equals(answer.get(0))) {
      return new Acquisition.Granted(
          new KeyLease(key, holder, Long.parseLong((String) answer.get(1)), expires));
    }
    return new Acquisition.HeldByOther(
        (String) answer.get(1), RedisTimes.instant((String) answer.get(2)));
  }

  @Override
  public Renewal renew(KeyLease lease, Instant now, Duration ttl) {
    KeyLease renewed = lease.until(now.plus(ttl));
    Long done =
        store.run(
            RENEW,
            ScriptOutputType.INTEGER,
            lease.key().value(),
            Long.toString(lease.token()),
            lease.holder(),
            RedisTimes.nanos(renewed.expires()));
    return done == 1 ? new Renewal.Renewed(renewed) : new Renewal.Lost();
  }

  @Override
  public void release(KeyLease lease) {
    store.run(
        RELEASE,
        ScriptOutputType.INTEGER,
        lease.key().value(),
        Long.toString(lease.token()),
        lease.holder());
  }

  @Override
  public Optional<KeyLease> current(Address key) {
    Map<String, String> fields =
        store.call(redis -> redis.hgetall(store.key("lease:" + key.value())));
    String holder = fields.getOrDefault("holder", "");
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new KeyLease(
            key,
            holder,
            Long.parseLong(fields.get("token")),
            RedisTimes.instant(fields.get("expires"))));
  }
}
