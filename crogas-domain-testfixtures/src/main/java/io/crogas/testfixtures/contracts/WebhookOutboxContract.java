package io.crogas.testfixtures.contracts;

import static io.crogas.testfixtures.StoreSamples.ALICE;
import static io.crogas.testfixtures.StoreSamples.BOB;
import static io.crogas.testfixtures.StoreSamples.accepted;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.confirmed;
import static io.crogas.testfixtures.StoreSamples.failed;
import static io.crogas.testfixtures.StoreSamples.forwarderCall;
import static io.crogas.testfixtures.StoreSamples.hash;
import static io.crogas.testfixtures.StoreSamples.submitted;
import static io.crogas.testfixtures.StoreSamples.tokenTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.Webhook;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookDelivery.Status;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.WebhookOutbox;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookOutbox} must do. A store passes by extending this class and returning a
 * fresh, empty outbox from {@link #newOutbox()}; a durable one also overrides {@link #reopen}.
 */
public abstract class WebhookOutboxContract {
  private static final Duration LEASE = Duration.ofSeconds(60);

  /** Text a store could mangle: quotes, non-ASCII, JSON. */
  private static final String DATA = "{\"relayer\":\"0xAb\",\"note\":\"Zürich ✓ \\\"q\\\"\"}";

  protected WebhookOutbox outbox;

  protected abstract WebhookOutbox newOutbox();

  /**
   * The journal of the outbox's own store, when its final steps enqueue their events in the same
   * transaction (a store's journal does; the in-memory fakes are separate objects and skip it).
   */
  protected Optional<Journal> journalOfTheSameStore() {
    return Optional.empty();
  }

  /** The same outbox as a restarted process sees it; in-memory stores return it unchanged. */
  protected WebhookOutbox reopen(WebhookOutbox current) {
    return current;
  }

  @BeforeEach
  void freshOutbox() {
    outbox = newOutbox();
  }

  public static Webhook webhook(String id, WebhookEvent... events) {
    return new Webhook(
        id,
        URI.create("https://example.test/hooks/" + id + "?q=1"),
        EnumSet.copyOf(List.of(events)),
        "whsec_" + "0123456789abcdef".repeat(4),
        at(0));
  }

  @Test
  void givenWebhooks_whenTheJournalMakesRecordsFinal_thenEachAnnouncesItsEventOnceAtItsFinalTime() {
    Optional<Journal> sameStore = journalOfTheSameStore();
    assumeTrue(sameStore.isPresent(), "this outbox is not fed by a journal");
    Journal journal = sameStore.get();
    outbox.add(
        webhook(
            "wh-all",
            WebhookEvent.SETTLEMENT_CONFIRMED,
            WebhookEvent.SETTLEMENT_FAILED,
            WebhookEvent.RELAY_CONFIRMED,
            WebhookEvent.RELAY_FAILED));
    RelayRecord settle = accepted("settle-1", tokenTransfer(BOB, 1), at(0));
    RelayRecord relay = accepted("relay-1", forwarderCall(ALICE, 0), at(1));
    journal.admit(settle);
    journal.admit(relay);

    RelayRecord settleSent = submitted(settle, hash(1), at(2));
    journal.update(settleSent);
    int whileMoving = outbox.recent(10).size();
    RelayRecord settleDone = confirmed(settleSent, true, at(3));
    journal.update(settleDone);
    journal.update(failed(relay, "the quote expired", at(4)));
    boolean replayed = journal.update(settleDone);

    assertThat(whileMoving).isZero();
    assertThat(replayed).isFalse();
    assertThat(outbox.recent(10))
        .extracting(WebhookDelivery::event, WebhookDelivery::subject, WebhookDelivery::createdAt)
        .containsExactly(
            tuple(WebhookEvent.RELAY_FAILED, "relay-1", at(4)),
            tuple(WebhookEvent.SETTLEMENT_CONFIRMED, "settle-1", at(3)));
  }

  @Test
  void givenAWebhook_whenAdded_thenListedWithEverythingAndTheSameIdIsRefused() {
    Webhook hook = webhook("wh-1", WebhookEvent.RELAY_CONFIRMED, WebhookEvent.RELAY_FAILED);

    assertThat(outbox.add(hook)).isTrue();
    assertThat(outbox.add(webhook("wh-1", WebhookEvent.SETTLEMENT_FAILED))).isFalse();

    assertThat(outbox.webhooks()).containsExactly(hook);
  }

  @Test
  void givenTwoWebhooks_whenAnEventIsEnqueued_thenOnlyTheOneWantingItGetsAPendingDelivery() {
    outbox.add(webhook("wh-1", WebhookEvent.SETTLEMENT_CONFIRMED));
    outbox.add(webhook("wh-2", WebhookEvent.RELAY_CONFIRMED));

    int written = outbox.enqueue(WebhookEvent.SETTLEMENT_CONFIRMED, "r-1", DATA, at(5));

    assertThat(written).isEqualTo(1);
    WebhookDelivery delivery = outbox.recent(10).get(0);
    assertThat(delivery.webhookId()).isEqualTo("wh-1");
    assertThat(delivery.event()).isEqualTo(WebhookEvent.SETTLEMENT_CONFIRMED);
    assertThat(delivery.subject()).isEqualTo("r-1");
    assertThat(delivery.data()).isEqualTo(DATA);
    assertThat(delivery.status()).isEqualTo(Status.PENDING);
    assertThat(delivery.attempts()).isZero();
    assertThat(delivery.createdAt()).isEqualTo(at(5));
    assertThat(delivery.nextAttemptAt()).isEqualTo(at(5));
    assertThat(delivery.lastError()).isEmpty();
    assertThat(outbox.delivery(delivery.id())).contains(delivery);
  }

  @Test
  void
      givenAnEnqueuedEvent_whenTheSameEventAboutTheSameSubjectIsEnqueuedAgain_thenNothingIsAdded() {
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_FAILED));
    outbox.add(webhook("wh-2", WebhookEvent.RELAY_FAILED));
    outbox.enqueue(WebhookEvent.RELAY_FAILED, "r-1", "", at(1));

    int again = outbox.enqueue(WebhookEvent.RELAY_FAILED, "r-1", "", at(2));
    int other = outbox.enqueue(WebhookEvent.RELAY_FAILED, "r-2", "", at(3));

    assertThat(again).isZero();
    assertThat(other).isEqualTo(2);
    List<WebhookDelivery> all = outbox.recent(10);
    assertThat(all).hasSize(4);
    assertThat(all.stream().map(WebhookDelivery::id).collect(Collectors.toSet())).hasSize(4);
  }

  @Test
  void givenPendingDeliveries_whenClaimed_thenOnlyTheDueOldestFirstAndHeldForTheLease() {
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_CONFIRMED));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-2", "", at(20));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-1", "", at(10));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-later", "", at(100));

    List<WebhookOutbox.Due> first = outbox.claimDue(at(30), LEASE, 10);
    List<WebhookOutbox.Due> whileHeld = outbox.claimDue(at(31), LEASE, 10);
    List<WebhookOutbox.Due> afterLease = outbox.claimDue(at(30).plus(LEASE), LEASE, 1);

    assertThat(first).extracting(d -> d.delivery().subject()).containsExactly("r-1", "r-2");
    assertThat(first.get(0).webhook()).isEqualTo(webhook("wh-1", WebhookEvent.RELAY_CONFIRMED));
    assertThat(whileHeld).isEmpty();
    assertThat(afterLease).hasSize(1);
    assertThat(afterLease.get(0).delivery().id()).isEqualTo(first.get(0).delivery().id());
  }

  @Test
  void givenAClaimedDelivery_whenItsSendFails_thenTheAttemptIsCountedAndItIsDueAtTheRetryTime() {
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_CONFIRMED));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-1", "", at(0));
    String id = outbox.claimDue(at(0), LEASE, 1).get(0).delivery().id();

    outbox.retryAt(id, at(7), "answered HTTP 500");

    WebhookDelivery after = outbox.delivery(id).orElseThrow();
    assertThat(after.status()).isEqualTo(Status.PENDING);
    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.nextAttemptAt()).isEqualTo(at(7));
    assertThat(after.lastError()).contains("answered HTTP 500");
    assertThat(outbox.claimDue(at(6), LEASE, 1)).isEmpty();
    assertThat(outbox.claimDue(at(7), LEASE, 1)).hasSize(1);
  }

  @Test
  void givenClaimedDeliveries_whenOneIsDeliveredAndOneFailed_thenNeitherIsDueAndTheCountsSaySo() {
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_CONFIRMED));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-1", "", at(0));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-2", "", at(1));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-3", "", at(2));
    List<WebhookOutbox.Due> due = outbox.claimDue(at(5), LEASE, 2);

    outbox.delivered(due.get(0).delivery().id(), at(6));
    outbox.failed(due.get(1).delivery().id(), at(6), "unreachable: refused");

    assertThat(outbox.claimDue(at(1_000), LEASE, 10))
        .extracting(d -> d.delivery().subject())
        .containsExactly("r-3");
    assertThat(outbox.count(Status.DELIVERED)).isEqualTo(1);
    assertThat(outbox.count(Status.FAILED)).isEqualTo(1);
    assertThat(outbox.count(Status.PENDING)).isEqualTo(1);
    WebhookDelivery failed = outbox.delivery(due.get(1).delivery().id()).orElseThrow();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("unreachable: refused");
  }

  @Test
  void givenAFailedDelivery_whenRedelivered_thenPendingAndDueNowWithTheSameId() {
    outbox.add(webhook("wh-1", WebhookEvent.SETTLEMENT_FAILED));
    outbox.enqueue(WebhookEvent.SETTLEMENT_FAILED, "r-1", "", at(0));
    String id = outbox.claimDue(at(0), LEASE, 1).get(0).delivery().id();
    outbox.failed(id, at(1), "answered HTTP 410");

    assertThat(outbox.redeliver(id, at(50))).isTrue();
    assertThat(outbox.redeliver("no-such-delivery", at(50))).isFalse();

    WebhookDelivery again = outbox.delivery(id).orElseThrow();
    assertThat(again.status()).isEqualTo(Status.PENDING);
    assertThat(again.attempts()).isZero();
    assertThat(outbox.claimDue(at(50), LEASE, 1))
        .extracting(d -> d.delivery().id())
        .containsExactly(id);
  }

  @Test
  void givenAWebhookWithDeliveries_whenRemoved_thenItAndItsDeliveriesAreGone() {
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_CONFIRMED));
    outbox.add(webhook("wh-2", WebhookEvent.RELAY_CONFIRMED));
    outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-1", "", at(0));

    assertThat(outbox.remove("wh-1")).isTrue();
    assertThat(outbox.remove("wh-1")).isFalse();

    assertThat(outbox.webhooks()).extracting(Webhook::id).containsExactly("wh-2");
    assertThat(outbox.recent(10)).extracting(WebhookDelivery::webhookId).containsExactly("wh-2");
  }

  @Test
  void givenPendingDeliveries_whenTheStoreIsReopened_thenWebhooksAndDeliveriesAreStillThere() {
    outbox.add(webhook("wh-1", WebhookEvent.RELAYER_LOW_BALANCE));
    outbox.enqueue(WebhookEvent.RELAYER_LOW_BALANCE, "0xAb@1", DATA, at(0));
    List<WebhookDelivery> before = outbox.recent(10);

    outbox = reopen(outbox);

    assertThat(outbox.webhooks())
        .containsExactly(webhook("wh-1", WebhookEvent.RELAYER_LOW_BALANCE));
    assertThat(outbox.recent(10)).isEqualTo(before);
    assertThat(outbox.enqueue(WebhookEvent.RELAYER_LOW_BALANCE, "0xAb@1", DATA, at(1))).isZero();
  }

  @Test
  void givenEightThreads_whenEachClaimsWhatIsDue_thenEveryDeliveryIsClaimedExactlyOnce()
      throws Exception {
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_CONFIRMED));
    for (int n = 0; n < 40; n++) {
      outbox.enqueue(WebhookEvent.RELAY_CONFIRMED, "r-" + n, "", at(n));
    }

    List<List<WebhookOutbox.Due>> claims = Race.run(8, n -> outbox.claimDue(at(100), LEASE, 10));

    List<String> ids = claims.stream().flatMap(List::stream).map(d -> d.delivery().id()).toList();
    assertThat(ids).hasSize(40);
    assertThat(Set.copyOf(ids)).hasSize(40);
    assertThat(outbox.claimDue(at(100), LEASE, 100)).isEmpty();
    assertThat(Optional.of(outbox.count(Status.PENDING))).contains(40L);
  }
}
