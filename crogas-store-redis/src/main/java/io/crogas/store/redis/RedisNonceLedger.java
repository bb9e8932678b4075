package io.crogas.store.redis;

import io.crogas.domain.FencedOutException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.KeyLease;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.store.json.SignedTransactionJson;
import io.lettuce.core.ScriptOutputType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@link NonceLedger} in Redis, per relayer ({@code nl:<relayer>}): the highest nonce assigned,
 * a hash per nonce (the record it serves, the mined hash once known), the list of its signed
 * transactions in the order recorded (JSON), and an ordered index of the nonces not yet mined; per
 * record, which nonce of which relayer it holds. Assigning is one script: two assigners, in one
 * process or two instances, never take the same nonce.
 */
public final class RedisNonceLedger implements NonceLedger {
  private static final LuaScript ASSIGN = LuaScript.load("nonce_assign.lua", "fence.lua");
  private static final LuaScript SIGNED = LuaScript.load("nonce_signed.lua", "fence.lua");
  private static final LuaScript MINED = LuaScript.load("nonce_mined.lua", "fence.lua");
  private static final LuaScript ORPHAN = LuaScript.load("nonce_orphan.lua", "fence.lua");
  private static final LuaScript READ = LuaScript.load("nonce_read.lua");

  private final RedisStore store;
  private final Optional<KeyLease> fence;

  public RedisNonceLedger(RedisStore store) {
    this(store, Optional.empty());
  }

  private RedisNonceLedger(RedisStore store, Optional<KeyLease> fence) {
    this.store = store;
    this.fence = fence;
  }

  @Override
  public NonceLedger fenced(KeyLease lease) {
    return new RedisNonceLedger(store, Optional.of(lease));
  }

  /**
   * Runs a write script for {@code relayer} with this view's lease as its last two arguments;
   * refused at once for a key the lease is not on, and when the script finds the lease stale.
   */
  private <T> T write(
      Address relayer,
      LuaScript script,
      ScriptOutputType type,
      Predicate<T> fencedOut,
      String... args) {
    if (fence.isPresent() && !fence.get().key().equals(relayer)) {
      throw new FencedOutException(relayer, fence.get().token());
    }
    String[] all = new String[args.length + 3];
    all[0] = relayer.value();
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = fence.map(lease -> Long.toString(lease.token())).orElse("");
    all[args.length + 2] = fence.map(KeyLease::holder).orElse("");
    T answer = store.run(script, type, all);
    if (fencedOut.test(answer)) {
      throw new FencedOutException(relayer, fence.orElseThrow().token());
    }
    return answer;
  }

  private static boolean refused(Long answer) {
    return answer == -1;
  }

  @Override
  public NonceAssignment assign(Address relayer, Optional<String> recordId, long chainFloor) {
    List<Object> answer =
        RedisStore.list(
            write(
                relayer,
                ASSIGN,
                ScriptOutputType.MULTI,
                reply -> "fenced".equals(RedisStore.list(reply).get(0)),
                recordId.orElse(""),
                Long.toString(chainFloor)));
    long nonce = Long.parseLong((String) answer.get(1));
    if ("held".equals(answer.get(0))) {
      return read(new Address((String) answer.get(2)), Optional.of(nonce)).get(0);
    }
    return new NonceAssignment(relayer, nonce, recordId, List.of(), Optional.empty());
  }

  @Override
  public boolean recordSigned(SignedTransaction transaction) {
    Long written =
        write(
            transaction.relayer(),
            SIGNED,
            ScriptOutputType.INTEGER,
            RedisNonceLedger::refused,
            Long.toString(transaction.nonce()),
            SignedTransactionJson.write(transaction));
    return written == 1;
  }

  @Override
  public void markMined(Address relayer, long nonce, Hash32 hash) {
    this.<Long>write(
        relayer,
        MINED,
        ScriptOutputType.INTEGER,
        RedisNonceLedger::refused,
        Long.toString(nonce),
        hash.hex());
  }

  @Override
  public void orphan(Address relayer, long nonce) {
    this.<Long>write(
        relayer, ORPHAN, ScriptOutputType.INTEGER, RedisNonceLedger::refused, Long.toString(nonce));
  }

  @Override
  public List<NonceAssignment> pending(Address relayer) {
    return read(relayer, Optional.empty());
  }

  /** The lowest relayer (as SQLite orders them) holding a nonce for the record, if any. */
  @Override
  public Optional<NonceAssignment> forRecord(String recordId) {
    Map<String, String> held = store.call(redis -> redis.hgetall(store.key("nl:rec:" + recordId)));
    return held.entrySet().stream()
        .min(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .flatMap(
            entry ->
                read(new Address(entry.getKey()), Optional.of(Long.parseLong(entry.getValue())))
                    .stream()
                    .findFirst());
  }

  /** The relayer's pending assignments, or the one of {@code nonce}. */
  private List<NonceAssignment> read(Address relayer, Optional<Long> nonce) {
    String[] args =
        nonce
            .map(n -> new String[] {relayer.value(), Long.toString(n)})
            .orElse(new String[] {relayer.value()});
    List<Object> rows = RedisStore.list(store.run(READ, ScriptOutputType.MULTI, args));
    return rows.stream().map(row -> assignment(relayer, RedisStore.list(row))).toList();
  }

  private static NonceAssignment assignment(Address relayer, List<Object> row) {
    String record = (String) row.get(1);
    String mined = (String) row.get(2);
    List<SignedTransaction> transactions =
        RedisStore.list(row.get(3)).stream()
            .map(json -> SignedTransactionJson.read((String) json, "a signed transaction"))
            .toList();
    return new NonceAssignment(
        relayer,
        Long.parseLong((String) row.get(0)),
        record.isEmpty() ? Optional.empty() : Optional.of(record),
        transactions,
        mined.isEmpty() ? Optional.empty() : Optional.of(new Hash32(mined)));
  }
}
