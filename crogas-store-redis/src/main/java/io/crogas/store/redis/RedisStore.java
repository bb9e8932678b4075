package io.crogas.store.redis;

import io.crogas.domain.StoreUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Redis holding every store of a group of CroGas instances, under a key prefix, over one
 * Lettuce connection that the port adapters ({@link RedisJournal}, {@link RedisQuoteBook}, {@link
 * RedisNonceLedger}, {@link RedisWebhookOutbox}, {@link RedisApiKeys}) share; Lettuce pipelines the
 * commands of concurrent callers on it.
 *
 * <p>Every write that reads before it writes (admit, update, assign, claim) is one Lua script,
 * which Redis runs alone: no other command interleaves, from this process or another instance.
 * Scripts run by their SHA-1 ({@code EVALSHA}) and are sent again when a restarted Redis has
 * forgotten them.
 *
 * <p>While Redis is unreachable, commands fail at once (they are not queued for a reconnect that
 * might never come); every failure, refusal or timeout is a {@link StoreUnavailableException},
 * which the HTTP adapter answers 503. The connection reconnects by itself when Redis is back. A
 * write that timed out may or may not have happened: a caller retries it under the same idempotency
 * key.
 */
public final class RedisStore implements AutoCloseable {
  /** The prefix of every key when none is configured. */
  public static final String DEFAULT_PREFIX = "crogas:";

  /** How long one command may take before the store counts as unavailable. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Netty's threads, shared by every store of the process; a lost connection is retried after 10
   * ms, doubling up to 1 s (Lettuce's default grows to 30 s: that long after Redis is back, the
   * node would still answer 503).
   */
  private static final ClientResources RESOURCES =
      DefaultClientResources.builder()
          .reconnectDelay(
              Delay.exponential(
                  Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
          .build();

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;
  private final String where;

  private RedisStore(
      RedisClient client,
      StatefulRedisConnection<String, String> connection,
      String prefix,
      String where) {
    this.client = client;
    this.connection = connection;
    this.prefix = prefix;
    this.where = where;
  }

  /** Connects to the Redis at {@code uri}, keeping every key under {@link #DEFAULT_PREFIX}. */
  public static RedisStore open(RedisURI uri) {
    return open(uri, DEFAULT_PREFIX);
  }

  /**
   * Connects to the Redis at {@code uri} (password, database and TLS as the URI says), keeping
   * every key under {@code prefix}, so that several groups of instances can share one Redis.
   */
  public static RedisStore open(RedisURI uri, String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    String where = describe(uri);
    RedisClient client = RedisClient.create(RESOURCES, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
            .build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      connection.setTimeout(COMMAND_TIMEOUT);
      return new RedisStore(client, connection, prefix, where);
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw new StoreUnavailableException(
          "cannot connect to the Redis store at " + where + ": " + e.getMessage(), e);
    }
  }

  /** {@code uri} as logs and errors may show it: host, port and database, never the password. */
  public static String describe(RedisURI uri) {
    return (uri.isSsl() ? "rediss://" : "redis://")
        + uri.getHost()
        + ":"
        + uri.getPort()
        + "/"
        + uri.getDatabase();
  }

  /** Where the store is (never with its password). */
  public String location() {
    return where;
  }

  /** The prefix of every key. */
  String prefix() {
    return prefix;
  }

  /** {@code name} under the prefix. */
  String key(String name) {
    return prefix + name;
  }

  /** Runs {@code command}; a failure of Redis is a {@link StoreUnavailableException}. */
  <T> T call(Function<RedisCommands<String, String>, T> command) {
    try {
      return command.apply(connection.sync());
    } catch (RedisException e) {
      throw new StoreUnavailableException(
          "the Redis store at " + where + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code script} with the prefix as its first argument, then {@code args}; by its SHA-1, and
   * by its text when Redis does not know it (a restart, a {@code SCRIPT FLUSH}).
   */
  <T> T run(LuaScript script, ScriptOutputType type, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = prefix;
    System.arraycopy(args, 0, all, 1, args.length);
    return call(
        redis -> {
          try {
            return redis.evalsha(script.sha(), type, new String[0], all);
          } catch (RedisNoScriptException forgotten) {
            return redis.eval(script.text(), type, new String[0], all);
          }
        });
  }

  /** The values of a script's nested answer, as strings (Redis nil is null). */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object answer) {
    return (List<Object>) answer;
  }

  /** Another connection to the same Redis, with {@code codec} (for Bucket4j's byte values). */
  <K, V> StatefulRedisConnection<K, V> connect(RedisCodec<K, V> codec) {
    try {
      StatefulRedisConnection<K, V> other = client.connect(codec);
      other.setTimeout(COMMAND_TIMEOUT);
      return other;
    } catch (RedisException e) {
      throw new StoreUnavailableException(
          "cannot connect to the Redis store at " + where + ": " + e.getMessage(), e);
    }
  }

  /** Closes the connection; later calls fail with {@link StoreUnavailableException}. */
  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
