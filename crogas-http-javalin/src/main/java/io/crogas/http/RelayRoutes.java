package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.port.in.FindRelaysQuery;
import io.crogas.domain.port.in.FindRelaysUseCase;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Gasless execution: quote, facilitate, and the read-only views of requests and nonces. */
final class RelayRoutes {
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 200;

  private final QuoteRelayUseCase quotes;
  private final SubmitRelayUseCase submissions;
  private final FindRelaysUseCase queries;
  private final RateLimiter limiter;
  private final ApiMetrics metrics;
  private final RelayJson json;
  private final Duration facilitateWait;
  private final Executor answers;

  /**
   * @param answers the server's threads, which write an answer once its wait is over
   */
  RelayRoutes(
      QuoteRelayUseCase quotes,
      SubmitRelayUseCase submissions,
      FindRelaysUseCase queries,
      RateLimiter limiter,
      ApiMetrics metrics,
      ApiSettings settings,
      Executor answers) {
    this.quotes = quotes;
    this.submissions = submissions;
    this.queries = queries;
    this.limiter = limiter;
    this.metrics = metrics;
    this.json = new RelayJson(settings);
    this.facilitateWait = settings.facilitateWait();
    this.answers = answers;
  }

  void register(RouteTable routes) {
    routes.post("/x402/quote", Audience.RELAY, this::quote);
    routes.post("/x402/facilitate", Audience.RELAY, this::facilitate);
    routes.get("/x402/transactions/{id}", this::transaction);
    routes.get("/x402/transactions", this::transactions);
    routes.get("/x402/nonce/{address}", this::nonce);
  }

  private void quote(Context ctx) {
    QuoteRelayCommand command = RelayRequests.quote(Json.body(ctx));
    limiter.address(command.user());
    QuoteOutcome outcome = quotes.quote(command);
    if (outcome instanceof QuoteOutcome.Refused refused) {
      metrics.outcome("quote", refused.rejection().code().code());
      throw ApiException.of(refused.rejection());
    }
    metrics.outcome("quote", "quoted");
    Json.write(ctx, 200, json.quote(((QuoteOutcome.Quoted) outcome).quote()));
  }

  private void facilitate(Context ctx) {
    RelayRequest request = RelayRequests.relay(Json.body(ctx));
    limiter.address(request.user());
    SubmitOutcome outcome = submissions.submit(new SubmitRelayCommand(request));
    if (outcome instanceof SubmitOutcome.Accepted) {
      // New work its owner signed for (not a replay: that is Existing). Only this fills the budget.
      limiter.spent(request.user());
    }
    metrics.outcome("facilitate", outcomeName(outcome));
    if (outcome instanceof SubmitOutcome.Rejected rejected) {
      throw ApiException.of(rejected.rejection());
    }
    if (outcome instanceof SubmitOutcome.PaymentRequired required) {
      ObjectNode body =
          Json.object().put("error", "payment_required").put("message", required.message());
      body.set("quote", json.quote(required.quote()));
      Json.write(ctx, 402, body);
    } else if (outcome instanceof SubmitOutcome.Existing existing) {
      answer(ctx, existing.record());
    } else if (prefersAsync(ctx)) {
      ctx.header("Preference-Applied", "respond-async");
      Json.write(ctx, 202, json.accepted(((SubmitOutcome.Accepted) outcome).record()));
    } else {
      await(ctx, (SubmitOutcome.Accepted) outcome);
    }
  }

  /**
   * Waits for the relayer without holding a server thread; when the bound runs out (or the engine
   * fails unexpectedly) the journal's current state is the answer, as 202 with the id. A server
   * thread writes it, never the engine's thread that completed the job.
   */
  private void await(Context ctx, SubmitOutcome.Accepted accepted) {
    CompletableFuture<Optional<RelayRecord>> done =
        accepted
            .completion()
            .toCompletableFuture()
            .thenApply(Optional::of)
            .completeOnTimeout(Optional.empty(), facilitateWait.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(failure -> Optional.empty());
    ctx.future(
        () ->
            done.thenAcceptAsync(
                finished ->
                    answer(
                        ctx,
                        finished
                            .or(() -> queries.find(accepted.record().id()))
                            .orElse(accepted.record())),
                answers));
  }

  /** 200 with the step-7 shape once final; 202 with where to follow it while in flight. */
  private void answer(Context ctx, RelayRecord record) {
    if (record.state().isFinal()) {
      Json.write(ctx, 200, json.execution(record));
    } else {
      Json.write(ctx, 202, json.accepted(record));
    }
  }

  private void transaction(Context ctx) {
    String id = ctx.pathParam("id");
    RelayRecord record =
        (id.length() <= 128 ? queries.find(id) : Optional.<RelayRecord>empty())
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "not_found",
                        "no request with id " + Json.shorten(id),
                        java.util.Map.of("id", "unknown")));
    Json.write(ctx, 200, json.record(record));
  }

  private void transactions(Context ctx) {
    Optional<Address> user =
        Values.query(ctx, "user").map(text -> Values.parsed("user", () -> Address.parse(text)));
    int limit =
        Values.query(ctx, "limit")
            .map(text -> Values.parsed("limit", () -> limit(text)))
            .orElse(DEFAULT_LIMIT);
    var array = Json.MAPPER.createArrayNode();
    queries
        .recent(new FindRelaysQuery(user, limit))
        .forEach(record -> array.add(json.record(record)));
    ObjectNode body = Json.object();
    body.set("transactions", array);
    Json.write(ctx, 200, body);
  }

  private void nonce(Context ctx) {
    Address address = Values.parsed("address", () -> Address.parse(ctx.pathParam("address")));
    Json.write(
        ctx,
        200,
        Json.object()
            .put("address", address.value())
            .put("nonce", queries.nextNonce(address).toString()));
  }

  private static int limit(String text) {
    return Values.integer(text, 1, MAX_LIMIT);
  }

  /** RFC 7240: {@code Prefer: respond-async} (possibly among other preferences). */
  static boolean prefersAsync(Context ctx) {
    String prefer = ctx.header("Prefer");
    return prefer != null
        && Arrays.stream(prefer.split(","))
            .map(token -> token.strip().toLowerCase(Locale.ROOT))
            .anyMatch(token -> token.equals("respond-async") || token.startsWith("respond-async;"));
  }

  private static String outcomeName(SubmitOutcome outcome) {
    if (outcome instanceof SubmitOutcome.Rejected rejected) {
      return rejected.rejection().code().code();
    }
    if (outcome instanceof SubmitOutcome.PaymentRequired) {
      return "payment_required";
    }
    return outcome instanceof SubmitOutcome.Existing ? "existing" : "accepted";
  }
}
