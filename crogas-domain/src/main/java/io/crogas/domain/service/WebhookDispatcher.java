package io.crogas.domain.service;

import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.domain.port.out.WebhookPayloads;
import io.crogas.domain.port.out.WebhookSigner;
import io.crogas.domain.port.out.WebhookTransport;
import io.crogas.domain.port.out.WebhookTransport.Answer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Sends the outbox's due deliveries, each signed at the time it is sent, and records every answer:
 * accepted is delivered; anything else is tried again after {@link WebhookSettings#retries()}'s
 * backoff, until the attempts run out and the delivery is failed. Starts no thread: the caller
 * decides where {@link #deliverDue} runs (never on the engine's or a request's thread).
 */
public final class WebhookDispatcher {
  /** Header with the delivery's id: the same on every attempt, for receivers to drop repeats. */
  public static final String DELIVERY_HEADER = "CroGas-Delivery";

  public static final String EVENT_HEADER = "CroGas-Event";
  private static final int BATCH = 32;

  private final WebhookOutbox outbox;
  private final WebhookTransport transport;
  private final WebhookPayloads payloads;
  private final WebhookSigner signer;
  private final WebhookSettings settings;
  private final InstantSource clock;
  private final DoubleSupplier random;

  public WebhookDispatcher(
      WebhookOutbox outbox,
      WebhookTransport transport,
      WebhookPayloads payloads,
      WebhookSigner signer,
      WebhookSettings settings,
      InstantSource clock,
      DoubleSupplier random) {
    this.outbox = outbox;
    this.transport = transport;
    this.payloads = payloads;
    this.signer = signer;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /** Sends what is due now, batch after batch, until nothing is due. */
  public Pass deliverDue() {
    int sent = 0;
    int accepted = 0;
    List<WebhookOutbox.Due> batch;
    do {
      batch = outbox.claimDue(clock.instant(), settings.lease(), BATCH);
      for (WebhookOutbox.Due due : batch) {
        sent++;
        accepted += send(due) ? 1 : 0;
      }
    } while (batch.size() == BATCH);
    return new Pass(sent, accepted);
  }

  private boolean send(WebhookOutbox.Due due) {
    WebhookDelivery delivery = due.delivery();
    String body = payloads.body(delivery);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(
        WebhookSigner.HEADER,
        signer.sign(due.webhook().secret(), clock.instant().getEpochSecond(), body));
    headers.put(DELIVERY_HEADER, delivery.id());
    headers.put(EVENT_HEADER, delivery.event().wireName());
    Answer answer = transport.post(due.webhook().url(), headers, body);
    if (answer instanceof Answer.Accepted) {
      outbox.delivered(delivery.id(), clock.instant());
      return true;
    }
    failed(delivery, describe(answer));
    return false;
  }

  private void failed(WebhookDelivery delivery, String error) {
    Instant now = clock.instant();
    settings
        .retries()
        .delayAfter(delivery.attempts() + 1, random.getAsDouble())
        .ifPresentOrElse(
            delay -> outbox.retryAt(delivery.id(), now.plus(delay), error),
            () -> outbox.failed(delivery.id(), now, error));
  }

  private static String describe(Answer answer) {
    if (answer instanceof Answer.Refused refused) {
      return "answered HTTP " + refused.status();
    }
    return "unreachable: " + ((Answer.Unreachable) answer).reason();
  }

  /** One call's work: deliveries sent, and how many of them the receivers accepted. */
  public record Pass(int sent, int accepted) {}
}
