package io.crogas.store.redis;

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

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.testfixtures.contracts.WebhookOutboxContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisWebhookOutboxTest extends WebhookOutboxContract {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();
  private RedisStore store;

  @Override
  protected WebhookOutbox newOutbox() {
    store = REDIS.freshStore();
    return new RedisWebhookOutbox(store);
  }

  // Redis killed and started again from its append-only file, and a new connection.
  @Override
  protected WebhookOutbox reopen(WebhookOutbox current) {
    store = REDIS.restarted();
    return new RedisWebhookOutbox(store);
  }

  @Test
  void givenWebhooks_whenTheJournalMakesRecordsFinal_thenEachAnnouncesItsEventOnceAtItsFinalTime() {
    RedisJournal journal = new RedisJournal(store);
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
}
