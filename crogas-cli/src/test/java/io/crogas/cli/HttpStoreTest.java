package io.crogas.cli;

import static io.crogas.cli.HttpJson.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a real SQLite file that another process holds locked past the store's busy
 * timeout: the API answers 503 {@code unavailable} (the store's file path stays in the log) and
 * works again once the lock is gone.
 */
class HttpStoreTest {
  @TempDir Path dir;
  private ServedNetwork served;

  @BeforeEach
  void start() {
    served = ServedNetwork.start(dir, 1);
  }

  @AfterEach
  void stop() {
    served.close();
  }

  @Test
  void givenTheStoreIsLockedPastItsTimeout_whenQuoted_then503UnavailableAndOkOnceReleased()
      throws Exception {
    HttpJson.Answer locked;
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("served.db"));
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      locked = served.api.post("/x402/quote", quoteRequest(served));
      statement.execute("ROLLBACK");
    }
    HttpJson.Answer released = served.api.post("/x402/quote", quoteRequest(served));

    assertError(locked, 503, "unavailable");
    assertThat(locked.text()).doesNotContain(dir.toString()).doesNotContain("served.db");
    assertThat(released.status()).as(released.toString()).isEqualTo(200);
  }

  /** A quote any served network answers when its store works. */
  static ObjectNode quoteRequest(ServedNetwork served) {
    return HttpJson.object()
        .put("userAddress", LocalNetwork.User.of(401).address().value())
        .put("target", served.network.deployment.demoTarget().value())
        .put("calldata", LocalNetwork.store(1).hex())
        .put("gasLevel", "normal");
  }
}
