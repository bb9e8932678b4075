package io.crogas.store.sqlite;

import static io.crogas.testfixtures.StoreSamples.ALICE;
import static io.crogas.testfixtures.StoreSamples.accepted;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.failed;
import static io.crogas.testfixtures.StoreSamples.forwarderCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.WebhookDelivery;
import io.crogas.domain.model.WebhookEvent;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.WebhookOutbox;
import io.crogas.testfixtures.contracts.WebhookOutboxContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWebhookOutboxTest extends WebhookOutboxContract {
  @TempDir Path dir;
  @AutoClose SqliteDatabase database;

  @Override
  protected WebhookOutbox newOutbox() {
    database = SqliteDatabase.open(dir.resolve("crogas.db"));
    return new SqliteWebhookOutbox(database);
  }

  // A new process opening the same file: nothing may live only in the closed connections.
  @Override
  protected WebhookOutbox reopen(WebhookOutbox current) {
    database.close();
    return newOutbox();
  }

  @Override
  protected Optional<Journal> journalOfTheSameStore() {
    return Optional.of(new SqliteJournal(database));
  }

  @Test
  void
      givenTheOutboxCannotBeWritten_whenTheJournalMakesARecordFinal_thenTheStateIsNotWrittenEither() {
    SqliteJournal journal = new SqliteJournal(database);
    outbox.add(webhook("wh-1", WebhookEvent.RELAY_FAILED));
    RelayRecord relay = accepted("relay-1", forwarderCall(ALICE, 0), at(0));
    journal.admit(relay);
    database.write(
        c ->
            Sql.update(
                c,
                """
                CREATE TRIGGER outbox_full BEFORE INSERT ON webhook_delivery
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"""));

    assertThatThrownBy(() -> journal.update(failed(relay, "the quote expired", at(1))))
        .isInstanceOf(StoreUnavailableException.class);

    assertThat(journal.find("relay-1")).contains(relay);
    assertThat(outbox.recent(10)).isEmpty();
  }

  @Test
  void
      givenAWebhookRowThisReleaseCannotRead_whenTheJournalMakesARecordFinal_thenTheStateIsWritten() {
    SqliteJournal journal = new SqliteJournal(database);
    database.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO webhook (id, url, events, secret, created_nanos)"
                    + " VALUES ('wh-new', 'not a url', 'SOME_FUTURE_EVENT,RELAY_FAILED', '', 0)"));
    RelayRecord relay = accepted("relay-1", forwarderCall(ALICE, 0), at(0));
    journal.admit(relay);
    RelayRecord failed = failed(relay, "the quote expired", at(1));

    boolean written = journal.update(failed);

    assertThat(written).isTrue();
    assertThat(journal.find("relay-1")).contains(failed);
    assertThat(outbox.count(WebhookDelivery.Status.PENDING)).isEqualTo(1);
  }
}
