package io.crogas.store.redis;

import io.crogas.testkit.RedisServer;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for a test class, and a fresh, empty store per test: every test keeps its
 * keys under a prefix of its own. {@link #restarted()} kills Redis (SIGKILL) and starts it again
 * from its append-only file: what a durable store must survive.
 */
final class RedisFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private RedisServer server;
  private final List<RedisStore> open = new ArrayList<>();
  private String prefix;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = RedisServer.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeStores();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  RedisServer server() {
    return server;
  }

  /** A store on an empty key space. */
  RedisStore freshStore() {
    prefix = "test" + PREFIXES.incrementAndGet() + ":";
    return store();
  }

  /** Another connection to the current test's store, as a second instance has. */
  RedisStore store() {
    RedisStore store = RedisStore.open(RedisURI.create(server.uri()), prefix);
    open.add(store);
    return store;
  }

  /** The store opened last for the current test. */
  RedisStore current() {
    return open.get(open.size() - 1);
  }

  /** Closes {@code store} when the test ends. */
  void closeAfterTest(RedisStore store) {
    open.add(store);
  }

  /** The current test's store after Redis was killed and started again. */
  RedisStore restarted() {
    closeStores();
    server.restart();
    return store();
  }

  private void closeStores() {
    open.forEach(RedisStore::close);
    open.clear();
  }
}
