package io.crogas.store.redis;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.IdempotencyKey;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.Journal;
import io.crogas.store.json.RelayRecordJson;
import io.lettuce.core.ScriptOutputType;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@link Journal} in Redis: each record a hash ({@code journal:rec:<id>}: the JSON body, the
 * version, the key, and the fields the scripts check), the idempotency key pointing at its id, and
 * ordered indexes of every record, per payer and in flight, whose members sort by creation time
 * then admission order. The unfinished forwarder calls of a user are a hash of meta-transaction
 * nonce to id, which is how one (user, nonce) holds at most one request in flight.
 *
 * <p>{@link #admit} and {@link #update} are one script each, so the check and the write are one
 * step for every instance on the Redis; a version that makes a record final enqueues its webhook
 * deliveries in that same script.
 */
public final class RedisJournal implements Journal {
  private static final LuaScript ADMIT = LuaScript.load("journal_admit.lua");
  private static final LuaScript UPDATE = LuaScript.load("journal_update.lua", "outbox.lua");
  private static final LuaScript BODIES = LuaScript.load("journal_bodies.lua");

  private final RedisStore store;

  public RedisJournal(RedisStore store) {
    this.store = store;
  }

  @Override
  public Admission admit(RelayRecord record) {
    Optional<RelayJob.ForwarderCall> call = forwarderCall(record);
    List<Object> answer =
        RedisStore.list(
            store.run(
                ADMIT,
                ScriptOutputType.MULTI,
                record.id(),
                record.key().value(),
                RelayRecordJson.write(record),
                Long.toString(record.version()),
                finalFlag(record),
                record.job().payer().value(),
                call.map(c -> c.request().user().value()).orElse(""),
                call.map(c -> c.request().metaTransaction().nonce().toString()).orElse(""),
                nanos(record)));
    return switch ((String) answer.get(0)) {
      case "admitted" -> new Admission.Admitted(record);
      case "existing" -> new Admission.Existing(read((String) answer.get(1), "existing"));
      case "nonce" -> new Admission.NonceInFlight(read((String) answer.get(1), "holder"));
      default -> throw new IllegalStateException("admit answered " + answer);
    };
  }

  @Override
  public boolean update(RelayRecord next) {
    Optional<WebhookEvent> event = WebhookEvent.finished(next);
    Long moved =
        store.run(
            UPDATE,
            ScriptOutputType.INTEGER,
            next.id(),
            next.key().value(),
            Long.toString(next.version() - 1),
            Long.toString(next.version()),
            RelayRecordJson.write(next),
            finalFlag(next),
            event.map(Enum::name).orElse(""),
            RedisTimes.nanos(next.history().get(next.history().size() - 1).at()),
            UUID.randomUUID().toString());
    return moved == 1;
  }

  @Override
  public Optional<RelayRecord> find(String id) {
    return Optional.ofNullable(
            store.call(redis -> redis.hget(store.key("journal:rec:" + id), "body")))
        .map(body -> read(body, id));
  }

  @Override
  public Optional<RelayRecord> findByKey(IdempotencyKey key) {
    // A key, once admitted, names the same id for good: two reads cannot disagree.
    return Optional.ofNullable(
            store.call(redis -> redis.get(store.key("journal:key:" + key.value()))))
        .flatMap(this::find);
  }

  @Override
  public List<RelayRecord> inFlight() {
    return bodies("journal:inflight", false, -1);
  }

  @Override
  public List<RelayRecord> recent(Optional<Address> payer, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return bodies(payer.map(p -> "journal:payer:" + p.value()).orElse("journal:all"), true, limit);
  }

  @Override
  public SortedSet<BigInteger> inFlightNonces(Address user) {
    TreeSet<BigInteger> nonces = new TreeSet<>();
    store
        .call(redis -> redis.hkeys(store.key("journal:user:" + user.value())))
        .forEach(nonce -> nonces.add(new BigInteger(nonce)));
    return nonces;
  }

  private List<RelayRecord> bodies(String index, boolean newestFirst, int limit) {
    List<Object> bodies =
        RedisStore.list(
            store.run(
                BODIES,
                ScriptOutputType.MULTI,
                index,
                newestFirst ? "1" : "0",
                Integer.toString(limit)));
    return bodies.stream().map(body -> read((String) body, index)).toList();
  }

  private static Optional<RelayJob.ForwarderCall> forwarderCall(RelayRecord record) {
    return Optional.of(record.job())
        .filter(RelayJob.ForwarderCall.class::isInstance)
        .map(RelayJob.ForwarderCall.class::cast);
  }

  private static String finalFlag(RelayRecord record) {
    return record.state().isFinal() ? "1" : "0";
  }

  private static String nanos(RelayRecord record) {
    return RedisTimes.nanos(record.history().get(0).at());
  }

  private static RelayRecord read(String body, String what) {
    return RelayRecordJson.read(body, "Redis journal entry " + what);
  }
}
