package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.RetrySchedule;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.domain.service.WebhookSettings;
import io.crogas.node.CroGasNode;
import io.crogas.node.HttpServerLauncher;
import io.crogas.node.ServerLauncher;
import io.crogas.node.webhooks.WebhookSignature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks end to end: registered with {@code crogas webhooks add}, announced by real settlements
 * and gasless executions on anvil, sent to a real receiver on 127.0.0.1 that is down, then fails,
 * then accepts, across a restart of the node on the same store. Backoff is shortened to
 * milliseconds by the node's settings; nothing sleeps, every wait is a bounded poll.
 */
class WebhookDeliveryTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static LocalNetwork network;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    network = LocalNetwork.start();
  }

  @AfterAll
  static void stop() {
    if (network != null) {
      network.close();
    }
  }

  /** Retries after 50 ms doubling to 1 s, the relayers' 10,000 CRO counted as low. */
  private static WebhookSettings quick(int maxAttempts) {
    return new WebhookSettings(
        new RetrySchedule(Duration.ofMillis(50), Duration.ofSeconds(1), maxAttempts),
        Duration.ofMillis(50),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        new Wei(BigInteger.TEN.pow(30)),
        Duration.ofHours(1));
  }

  private static CroGasNode node(Path store, WebhookSettings webhooks) {
    return CroGasNode.start(network.config(1, store).webhooks(webhooks).build());
  }

  /** {@code crogas webhooks add URL --events all --store FILE --json}: the secret, shown once. */
  private static String addWebhook(Path store, String url) throws Exception {
    StringWriter out = new StringWriter();
    var line = CroGasCli.commandLine(new CliContext(Map.of(), ServerLauncher.DEFAULT));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(new StringWriter(), true));
    int code =
        line.execute(
            "webhooks", "add", url, "--events", "all", "--store", store.toString(), "--json");
    assertThat(code).as(out.toString()).isZero();
    return HttpJson.MAPPER.readTree(out.toString()).get("secret").asText();
  }

  private static void settle(CroGasNode node, long payer) {
    LocalNetwork.User user = LocalNetwork.User.of(payer);
    network.fund(user.address(), 10);
    SettleOutcome outcome =
        Payments.settleRetrying(
            node.settler(),
            Payments.payment(user, LocalNetwork.User.of(999).address(), node.usdc(), payer));
    assertThat(outcome).as(outcome.toString()).isInstanceOf(SettleOutcome.Settled.class);
  }

  private static RelayRecord relay(CroGasNode node, long seed) throws Exception {
    LocalNetwork.User user = LocalNetwork.User.of(seed);
    network.fund(user.address(), 10);
    QuoteOutcome quoted =
        node.quotes()
            .quote(
                new QuoteRelayCommand(
                    user.address(),
                    network.deployment.demoTarget(),
                    LocalNetwork.store(seed),
                    "normal",
                    Optional.empty()));
    FeeQuote quote = ((QuoteOutcome.Quoted) quoted).quote();
    TransferAuthorization fee = quote.paymentAuthorization();
    RelayRequest request =
        new RelayRequest(
            user.address(),
            quote.metaTransaction(),
            user.sign(quote.digest()),
            Optional.of(new SignedAuthorization(fee, user.sign(fee.receiveDigest(node.usdc())))));
    SubmitOutcome outcome = node.relay().submit(new SubmitRelayCommand(request));
    return ((SubmitOutcome.Accepted) outcome)
        .completion()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static JsonNode json(String text) {
    try {
      return HttpJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + text, e);
    }
  }

  @Test
  void givenAReceiverDownThenFailing_andANodeRestart_whenRequestsFinish_thenEachEventArrivesSigned()
      throws Exception {
    Path store = dir.resolve("restart.db");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String secret = addWebhook(store, receiver.url());

      // Receiver down (connection refused): a settlement and a gasless relay finish on node A.
      CroGasNode first = node(store, quick(100));
      try {
        settle(first, 300);
        RelayRecord relayed = relay(first, 301);
        assertThat(relayed.state()).isEqualTo(RelayState.CONFIRMED);
        await("three deliveries tried twice")
            .atMost(PATIENCE)
            .until(
                () ->
                    first.webhooks().recent(10).stream().filter(d -> d.attempts() >= 2).count()
                        >= 3);
      } finally {
        first.close();
      }
      List<WebhookDelivery> leftPending = readOutbox(store);
      assertThat(leftPending).allMatch(d -> d.status() == WebhookDelivery.Status.PENDING);

      // Receiver back but failing its first 4 requests; node B on the same store, one more settle.
      receiver.up(4);
      CroGasNode second = node(store, quick(100));
      ServerLauncher.RunningServer api =
          new HttpServerLauncher()
              .start(
                  second,
                  new ServerLauncher.ApiEndpoint(
                      "127.0.0.1", ServedNetwork.freePort(), Optional.empty()));
      try {
        settle(second, 302);
        await("everything delivered")
            .atMost(PATIENCE)
            .until(() -> second.webhooks().count(WebhookDelivery.Status.PENDING) == 0);

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received.stream().filter(r -> !r.accepted())).hasSize(4);
        long now = Instant.now().getEpochSecond();
        for (WebhookReceiver.Received r : received) {
          assertThat(WebhookSignature.verify(secret, r.signature(), r.body(), now, 300))
              .as(r.toString())
              .isTrue();
          assertThat(json(r.body()).get("id").asText()).isEqualTo(r.deliveryId());
          assertThat(json(r.body()).get("event").asText()).isEqualTo(r.event());
        }
        // One delivery id per event, however many times it was sent.
        Map<String, Set<String>> idsPerEvent =
            received.stream()
                .collect(
                    Collectors.groupingBy(
                        r -> r.event() + " " + subject(json(r.body())),
                        Collectors.mapping(
                            WebhookReceiver.Received::deliveryId, Collectors.toSet())));
        assertThat(idsPerEvent.values()).allMatch(ids -> ids.size() == 1);
        Map<String, Long> acceptedEvents =
            received.stream()
                .filter(WebhookReceiver.Received::accepted)
                .map(r -> r.event() + " " + subject(json(r.body())))
                .distinct()
                .collect(Collectors.groupingBy(key -> key.split(" ")[0], Collectors.counting()));
        assertThat(acceptedEvents)
            .containsEntry("settlement.confirmed", 2L)
            .containsEntry("relay.confirmed", 1L)
            .containsEntry("relayer.low_balance", 2L);
        assertThat(idsPerEvent).hasSize(5);
        // A record's data is its GET /x402/transactions/{id} document.
        HttpJson http = new HttpJson(api.url());
        for (WebhookReceiver.Received r : received) {
          JsonNode data = json(r.body()).get("data");
          if (!r.event().startsWith("relayer.")) {
            assertThat(data)
                .isEqualTo(http.get("/x402/transactions/" + data.get("id").asText()).json());
          } else {
            assertThat(data.get("relayer").asText()).isEqualTo(second.relayers().get(0).value());
          }
        }
        assertThat(second.webhooks().recent(10))
            .hasSize(5)
            .allMatch(d -> d.status() == WebhookDelivery.Status.DELIVERED);
      } finally {
        api.close();
        second.close();
      }
    }
  }

  @Test
  void
      givenAReceiverThatKeepsFailing_whenTheAttemptsRunOut_thenFailedVisibleAndRedeliveredWithItsId()
          throws Exception {
    Path store = dir.resolve("failing.db");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      addWebhook(store, receiver.url());
      receiver.up(Integer.MAX_VALUE);
      CroGasNode node = node(store, quick(3));
      try {
        settle(node, 310);
        await("the settlement's delivery failed")
            .atMost(PATIENCE)
            .until(
                () ->
                    node.webhooks().recent(10).stream()
                        .anyMatch(
                            d ->
                                d.status() == WebhookDelivery.Status.FAILED
                                    && d.event().wireName().equals("settlement.confirmed")));
      } finally {
        node.close();
      }
      WebhookDelivery failed =
          readOutbox(store).stream()
              .filter(d -> d.event().wireName().equals("settlement.confirmed"))
              .findFirst()
              .orElseThrow();
      assertThat(failed.attempts()).isEqualTo(3);
      assertThat(failed.lastError()).contains("answered HTTP 500");
      String listed = cli(store, "webhooks", "list", "--json");
      assertThat(json(listed).get("failed").asLong()).isGreaterThanOrEqualTo(1);

      assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
      receiver.failNext(0);
      cli(store, "webhooks", "redeliver", failed.id());
      CroGasNode again = node(store, quick(3));
      try {
        await("the redelivery")
            .atMost(PATIENCE)
            .until(
                () ->
                    again.webhooks().delivery(failed.id()).orElseThrow().status()
                        == WebhookDelivery.Status.DELIVERED);
      } finally {
        again.close();
      }
      assertThat(receiver.received().stream().filter(WebhookReceiver.Received::accepted))
          .extracting(WebhookReceiver.Received::deliveryId)
          .contains(failed.id());
    }
  }

  private static String cli(Path store, String... args) {
    StringWriter out = new StringWriter();
    var line = CroGasCli.commandLine(new CliContext(Map.of(), ServerLauncher.DEFAULT));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(new StringWriter(), true));
    String[] all =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--store", store.toString()))
            .toArray(String[]::new);
    assertThat(line.execute(all)).as(out.toString()).isZero();
    return out.toString();
  }

  /** The outbox as the store file holds it, read with no node running. */
  private static List<WebhookDelivery> readOutbox(Path store) {
    try (var database = io.crogas.store.sqlite.SqliteDatabase.open(store)) {
      return new io.crogas.store.sqlite.SqliteWebhookOutbox(database).recent(100);
    }
  }

  private static String subject(JsonNode body) {
    JsonNode data = body.get("data");
    return data.has("id") ? data.get("id").asText() : body.get("id").asText();
  }
}
