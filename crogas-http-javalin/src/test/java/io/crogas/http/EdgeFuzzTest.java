package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.RelayRecord;
import io.crogas.testfixtures.Fixture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fuzzes the HTTP edge over a real socket: 10,000 generated malformed and hostile requests ({@link
 * HostileRequests}) across every endpoint. For each: no 5xx; every 4xx in the error shape {@code
 * {error, message, details}}; a 200 from x402 verify/settle only as an in-band refusal; no success
 * for a write. After each, nothing changed: the journal, the quote book, the fake chain's balances
 * and used authorizations, the engine's sent jobs and the faucet's mints.
 *
 * <p>The seed is new each run and named in any failure; {@code -Dcrogas.fuzz.seed=<seed>} replays
 * it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeFuzzTest {
  private static final int BODIES = 4_000;
  private static final int ENCODINGS = 2_000;
  private static final int PATHS = 2_500;
  private static final int HEADERS = 1_500;
  private static final int CLIENTS = 4;
  private static final int SHOWN_PROBLEMS = 12;

  private final long seed =
      Long.getLong("crogas.fuzz.seed", new Random().nextLong() & Long.MAX_VALUE);
  private final AtomicInteger sent = new AtomicInteger();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private ApiHarness harness;
  private HostileRequests requests;
  private State before;
  private long started;

  @BeforeAll
  void start() {
    harness = new ApiHarness(EdgeFuzzTest::unthrottled);
    requests = new HostileRequests(harness.fixture);
    before = State.of(harness);
    started = System.nanoTime();
  }

  @AfterAll
  void stop() {
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "edge fuzz: %d requests in %d ms (seed %d), statuses %s%n",
        sent.get(), millis, seed, new TreeMap<>(statuses));
    harness.close();
  }

  @Test
  @Order(1)
  void everyRouteIsFuzzed() {
    Set<String> fuzzed =
        requests.endpoints().stream()
            .map(endpoint -> endpoint.method() + " " + endpoint.route())
            .collect(Collectors.toSet());

    assertThat(harness.api.routes())
        .allSatisfy(route -> assertThat(fuzzed).contains(route.method() + " " + route.path()));
  }

  @Test
  @Order(2)
  void givenHostileBodies_thenRefusedInShapeWithoutStateChange() {
    fuzz(BODIES, (generator, random) -> generator.body(random));
  }

  @Test
  @Order(3)
  void givenBrokenEncodingsAndFraming_thenRefusedInShapeWithoutStateChange() {
    fuzz(ENCODINGS, (generator, random) -> generator.encoding(random));
  }

  @Test
  @Order(4)
  void givenOtherMethodsAndOddPaths_thenNo5xxAndErrorsInShape() {
    fuzz(PATHS, (generator, random) -> generator.path(random));
  }

  @Test
  @Order(5)
  void givenHostileHeadersAndRequestLines_thenNo5xxAndErrorsInShape() {
    fuzz(HEADERS, (generator, random) -> generator.header(random));
  }

  @Test
  @Order(6)
  void afterTheRun_atLeastTenThousandRequestsWereSentAndNothingChanged() {
    assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
    assertThat(State.of(harness)).isEqualTo(before);
  }

  /**
   * Sends {@code count} generated cases from {@link #CLIENTS} threads, each with its own random
   * derived from the seed, and fails with the first problems found.
   */
  private void fuzz(int count, BiFunction<HostileRequests, Random, HostileRequests.Case> generate) {
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        Random random = new Random(seed * 31 + client + count);
        int share = count / CLIENTS + (client < count % CLIENTS ? 1 : 0);
        done.add(
            clients.submit(
                () -> {
                  for (int i = 0; i < share && problems.size() < SHOWN_PROBLEMS; i++) {
                    HostileRequests.Case request = generate.apply(requests, random);
                    problem(request)
                        .ifPresent(why -> problems.add(why + "\n    " + request.label()));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (Exception e) {
      throw new AssertionError("the fuzzing clients failed (seed " + seed + ")", e);
    } finally {
      clients.shutdownNow();
    }
    assertThat(problems).as("problems found with -Dcrogas.fuzz.seed=" + seed).isEmpty();
    assertThat(State.of(harness)).as("state after the run, seed " + seed).isEqualTo(before);
  }

  /** What is wrong with the answer to {@code request}, if anything. */
  private Optional<String> problem(HostileRequests.Case request) {
    Optional<RawHttp.Answer> maybe;
    try {
      maybe = RawHttp.exchange(harness.api.port(), request.exchange(), request.head());
    } catch (AssertionError | RuntimeException e) {
      return Optional.of("exchange failed: " + e.getMessage());
    }
    sent.incrementAndGet();
    if (maybe.isEmpty()) {
      // A request that stops short may be dropped; any other deserves an answer.
      return request.exchange().halfClose()
          ? Optional.empty()
          : Optional.of("closed without an answer");
    }
    RawHttp.Answer answer = maybe.get();
    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
    int status = answer.status();
    if (status >= 500) {
      return Optional.of(status + " " + shorten(answer.text()));
    }
    if (request.head()) {
      return Optional.empty();
    }
    if (status >= 400) {
      return errorShape(answer);
    }
    if (status >= 200 && status < 300 && request.method().equals("POST")) {
      return success(request.endpoint().kind(), answer);
    }
    return Optional.empty();
  }

  private static Optional<String> errorShape(RawHttp.Answer answer) {
    Optional<JsonNode> json = json(answer);
    boolean shaped =
        json.isPresent()
            && json.get().path("error").isTextual()
            && json.get().path("message").isTextual()
            && json.get().path("details").isObject()
            && answer.header("Content-Type").orElse("").startsWith("application/json");
    boolean leaks = answer.text().contains("Exception") || answer.text().contains("\tat ");
    return shaped && !leaks
        ? Optional.empty()
        : Optional.of(answer.status() + " not in the error shape: " + shorten(answer.text()));
  }

  private static Optional<String> success(HostileRequests.Kind kind, RawHttp.Answer answer) {
    Optional<JsonNode> json = json(answer);
    boolean refusedInBand =
        switch (kind) {
          case READ -> true;
          case REFUSED -> false;
          case VERIFY ->
              json.map(
                      j ->
                          j.path("isValid").isBoolean()
                              && !j.get("isValid").asBoolean()
                              && j.path("invalidReason").isTextual())
                  .orElse(false);
          case SETTLE ->
              json.map(
                      j ->
                          (j.path("success").isBoolean()
                                  && !j.get("success").asBoolean()
                                  && j.path("errorReason").isTextual())
                              || "payment.failed".equals(j.path("event").asText()))
                  .orElse(false);
        };
    return refusedInBand
        ? Optional.empty()
        : Optional.of(answer.status() + " accepted: " + shorten(answer.text()));
  }

  private static Optional<JsonNode> json(RawHttp.Answer answer) {
    try {
      return Optional.of(Json.MAPPER.readTree(answer.body()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  /** Limits high enough for 10,000 requests from one address within the minute. */
  private static ApiSettings unthrottled(ApiSettings settings) {
    ApiSettings.RateLimit lots = ApiSettings.RateLimit.perMinute(1_000_000);
    return ApiHarness.with(
        settings,
        settings.access().withLimits(new ApiSettings.RateLimits(lots, lots, lots, lots)),
        settings.settleInFlightLimit());
  }

  /** What no refused request may change. */
  record State(
      List<RelayRecord> journal,
      int quotes,
      int executed,
      Map<String, ?> tokenBalances,
      Map<?, ?> nativeBalances,
      Set<String> usedAuthorizations,
      Map<?, ?> forwarderNonces,
      List<String> minted) {
    static State of(ApiHarness harness) {
      Fixture f = harness.fixture;
      synchronized (f.engine) {
        return new State(
            f.journal.recent(Optional.empty(), Integer.MAX_VALUE),
            f.quoteBook.size(),
            f.engine.executed.size(),
            Map.copyOf(f.chain.tokenBalances),
            Map.copyOf(f.chain.nativeBalances),
            Set.copyOf(f.chain.usedAuthorizations),
            Map.copyOf(f.chain.forwarderNonces),
            List.copyOf(harness.minted));
      }
    }
  }
}
