package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookDelivery.Status;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.policy.RetrySchedule;
import io.crogas.domain.port.out.WebhookTransport;
import io.crogas.domain.port.out.WebhookTransport.Answer;
import io.crogas.testfixtures.InMemoryWebhookOutbox;
import io.crogas.testfixtures.MutableClock;
import io.crogas.testfixtures.contracts.WebhookOutboxContract;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();
  private final ScriptedReceiver receiver = new ScriptedReceiver();
  private final WebhookSettings settings =
      WebhookSettings.defaults()
          .withRetries(new RetrySchedule(Duration.ofSeconds(10), Duration.ofSeconds(40), 4));
  private final WebhookDispatcher dispatcher =
      new WebhookDispatcher(
          outbox,
          receiver,
          delivery -> "{\"id\":\"" + delivery.id() + "\"}",
          (secret, unixSeconds, body) -> "t=" + unixSeconds + ",v1=" + (secret + body).hashCode(),
          settings,
          clock,
          () -> 1.0);

  @BeforeEach
  void aWebhook() {
    outbox.add(
        WebhookOutboxContract.webhook(
            "wh-1", WebhookEvent.RELAY_CONFIRMED, WebhookEvent.RELAY_FAILED));
  }

  @Test
  void givenADueDelivery_whenTheReceiverAccepts_thenDeliveredOnceSignedWithItsId() {
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-1", "", T0);

    WebhookDispatcher.Pass pass = dispatcher.deliverDue();
    WebhookDispatcher.Pass next = dispatcher.deliverDue();

    assertThat(pass).isEqualTo(new WebhookDispatcher.Pass(1, 1));
    assertThat(next).isEqualTo(new WebhookDispatcher.Pass(0, 0));
    WebhookDelivery delivery = outbox.recent(1).get(0);
    assertThat(delivery.status()).isEqualTo(Status.DELIVERED);
    Sent sent = receiver.sent.get(0);
    assertThat(sent.url()).isEqualTo(URI.create("https://example.test/hooks/wh-1?q=1"));
    assertThat(sent.headers().get("CroGas-Delivery")).isEqualTo(delivery.id());
    assertThat(sent.headers().get("CroGas-Event")).isEqualTo("relay.confirmed");
    assertThat(sent.headers().get("CroGas-Signature"))
        .isEqualTo(
            "t="
                + T0.getEpochSecond()
                + ",v1="
                + (outbox.webhooks().get(0).secret() + sent.body()).hashCode());
  }

  @Test
  void givenAReceiverThatFailsTwice_whenTimePasses_thenRetriedWithBackoffAndTheSameId() {
    receiver.answers.add(new Answer.Refused(500));
    receiver.answers.add(new Answer.Unreachable("connection refused"));
    outbox.enqueue(WebhookEvent.RELAY_FAILED, "r-1", "", T0);

    dispatcher.deliverDue();
    WebhookDelivery afterFirst = outbox.recent(1).get(0);
    clock.advance(Duration.ofSeconds(9));
    WebhookDispatcher.Pass early = dispatcher.deliverDue();
    clock.advance(Duration.ofSeconds(1));
    dispatcher.deliverDue();
    WebhookDelivery afterSecond = outbox.recent(1).get(0);
    clock.advance(Duration.ofSeconds(20));
    dispatcher.deliverDue();

    assertThat(afterFirst.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(afterFirst.lastError()).contains("answered HTTP 500");
    assertThat(early.sent()).isZero();
    assertThat(afterSecond.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(afterSecond.lastError()).contains("unreachable: connection refused");
    assertThat(outbox.recent(1).get(0).status()).isEqualTo(Status.DELIVERED);
    assertThat(outbox.recent(1).get(0).attempts()).isEqualTo(3);
    assertThat(receiver.sent)
        .extracting(s -> s.headers().get("CroGas-Delivery"))
        .containsOnly(afterFirst.id());
    assertThat(receiver.sent).hasSize(3);
  }

  @Test
  void givenAReceiverThatNeverAccepts_whenTheAttemptsRunOut_thenFailedAndNoLongerSent() {
    for (int i = 0; i < 10; i++) {
      receiver.answers.add(new Answer.Refused(503));
    }
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-1", "", T0);

    for (int i = 0; i < 10; i++) {
      dispatcher.deliverDue();
      clock.advance(Duration.ofSeconds(40));
    }

    WebhookDelivery delivery = outbox.recent(1).get(0);
    assertThat(delivery.status()).isEqualTo(Status.FAILED);
    assertThat(delivery.attempts()).isEqualTo(4);
    assertThat(delivery.lastError()).contains("answered HTTP 503");
    assertThat(receiver.sent).hasSize(4);
    assertThat(outbox.count(Status.FAILED)).isEqualTo(1);
  }

  private record Sent(URI url, Map<String, String> headers, String body) {}

  /** Answers from a script, accepting once the script is used up; remembers every send. */
  private static final class ScriptedReceiver implements WebhookTransport {
    final Deque<Answer> answers = new ArrayDeque<>();
    final List<Sent> sent = new ArrayList<>();

    @Override
    public Answer post(URI url, Map<String, String> headers, String body) {
      sent.add(new Sent(url, Map.copyOf(headers), body));
      return answers.isEmpty() ? new Answer.Accepted(200) : answers.poll();
    }
  }
}
