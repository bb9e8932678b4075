package io.crogas.cli.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Follows a request the server accepted (202) with {@code GET /x402/transactions/{id}} until it is
 * confirmed or failed, or the wait runs out (then the last answer, still in flight, is returned).
 */
public final class TransactionFollower {
  private static final Set<String> FINAL = Set.of("confirmed", "failed");

  private final ApiClient api;
  private final Duration poll;

  public TransactionFollower(ApiClient api, Duration poll) {
    this.api = api;
    this.poll = poll;
  }

  public static boolean isFinal(ApiAnswer answer) {
    return FINAL.contains(answer.body().path("status").asText());
  }

  public ApiAnswer follow(String id, Duration atMost) {
    Instant until = Instant.now().plus(atMost);
    ApiAnswer answer = api.get("/x402/transactions/" + id);
    while (answer.ok() && !isFinal(answer) && Instant.now().isBefore(until)) {
      pause();
      answer = api.get("/x402/transactions/" + id);
    }
    return answer;
  }

  private void pause() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnavailableException("interrupted while following a transaction", e);
    }
  }
}
