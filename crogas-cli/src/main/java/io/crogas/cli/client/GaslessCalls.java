package io.crogas.cli.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import java.time.Duration;
import java.util.Map;

/**
 * The gasless-execution calls a client makes: ask a quote for a call, submit the signed body and
 * either take the server's id at once ({@code Prefer: respond-async}) or wait for the result.
 */
public final class GaslessCalls {
  private static final Duration POLL = Duration.ofSeconds(1);

  private final ApiClient api;

  public GaslessCalls(ApiClient api) {
    this.api = api;
  }

  /** The {@code POST /x402/quote} body for {@code user} asking {@code call}. */
  public static ObjectNode quoteRequest(Address user, QuoteSigner.Asked call) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("userAddress", user.value())
        .put("target", call.target().value())
        .put("calldata", call.calldata().hex())
        .put("gasLevel", call.gasLevel());
  }

  public ApiAnswer quote(Address user, QuoteSigner.Asked call) {
    return api.post("/x402/quote", quoteRequest(user, call));
  }

  /** Submits without waiting: the server answers 202 with the request's id. */
  public ApiAnswer submit(ObjectNode body) {
    return api.post("/x402/facilitate", body, Map.of("Prefer", "respond-async"));
  }

  /**
   * Submits and waits up to {@code atMost} for the result; a request still in flight then is
   * answered with its last state.
   */
  public ApiAnswer submitAndWait(ObjectNode body, Duration atMost) {
    ApiAnswer answer = api.post("/x402/facilitate", body);
    if (answer.status() == 202) {
      return new TransactionFollower(api, POLL).follow(answer.body().path("id").asText(), atMost);
    }
    return answer;
  }
}
