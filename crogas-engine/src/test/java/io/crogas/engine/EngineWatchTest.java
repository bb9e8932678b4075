package io.crogas.engine;

import static io.crogas.engine.EngineHarness.POLL;
import static io.crogas.engine.EngineHarness.RECEIPT_GRACE;
import static io.crogas.engine.EngineHarness.RELAYERS;
import static io.crogas.engine.EngineHarness.REPLACE_AFTER;
import static io.crogas.testfixtures.StoreSamples.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch over time: replacements, receipts that lag, nonces used by someone else. */
class EngineWatchTest {
  private final EngineHarness h = new EngineHarness();
  private final Address relayer = RELAYERS.get(0);
  private final RelayerEngine engine = h.engine(List.of(relayer));

  @AfterEach
  void stop() {
    h.close();
  }

  /** A token transfer sent and left in the pool: nothing is mined until the test says. */
  private CompletableFuture<RelayRecord> pooledTransfer() {
    h.mempool.automine = false;
    CompletableFuture<RelayRecord> done =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1));
    h.scheduler.runDue();
    return done;
  }

  @Test
  void givenAStuckTransaction_whenItWaitsTooLong_thenReplacedWithHigherFeesAndEveryHashKept() {
    CompletableFuture<RelayRecord> done = pooledTransfer();
    h.scheduler.advance(REPLACE_AFTER.minus(POLL));
    assertThat(h.mempool.accepted()).hasSize(1);

    h.scheduler.advance(POLL);
    assertThat(h.mempool.accepted()).hasSize(2);
    h.mempool.mine();

    RelayRecord record = h.settle(done);
    assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(record.txHashes()).hasSize(2);
    assertThat(record.receipt().orElseThrow().txHash()).isEqualTo(record.txHashes().get(1));
    List<SignedTransaction> sent = h.mempool.accepted();
    assertThat(sent.get(1).nonce()).isEqualTo(sent.get(0).nonce());
    assertThat(sent.get(1).maxFeePerGas()).isGreaterThan(sent.get(0).maxFeePerGas());
    assertThat(record.history()).extracting(e -> e.detail()).contains("replaced");
  }

  @Test
  void givenANonceRefusedDuringABaseFeeSpike_whenTheSpikePasses_thenResentWellBeforeReplaceAfter() {
    CompletableFuture<RelayRecord> done = pooledTransfer();
    SignedTransaction sent = h.mempool.accepted().get(0);
    FeeMarket calm = h.chain.feeMarket;

    // A spike above the relayer's ceiling, so no re-bid can follow it: the node drops the
    // transaction, and refuses its bytes when the watch sends them again.
    Wei spike = Wei.gwei(2_000_000);
    h.chain.feeMarket = new FeeMarket(spike, Wei.ZERO, true);
    h.mempool.raiseBaseFee(spike);
    h.scheduler.advance(REPLACE_AFTER.dividedBy(10).plus(POLL));
    assertThat(h.mempool.sendsOf(sent)).as("re-sent once dropped, and refused").isEqualTo(2);
    assertThat(h.mempool.pendingNonce(relayer)).isZero();

    // The spike passes within a few blocks; the same bytes are taken again long before the
    // replacement period, which would otherwise hold back every later nonce of the key.
    h.chain.feeMarket = calm;
    h.mempool.baseFee = calm.baseFee();
    h.scheduler.advance(REPLACE_AFTER.dividedBy(3));
    assertThat(h.mempool.pendingNonce(relayer)).as("pooled again").isOne();
    h.mempool.mine();

    RelayRecord record = h.settle(done);
    assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(record.txHashes()).containsExactly(sent.hash());
  }

  @Test
  void givenAStuckJobQuotedJustAboveItsFeeCap_whenItWaitsTooLong_thenNeverReplacedAboveTheQuote() {
    h.mempool.automine = false;
    CompletableFuture<RelayRecord> done =
        h.execute(engine, quoted(StoreSamples.forwarderCall(Keys.of(1), 0), 400_000, 6_500));
    // A second job on the same lane, not quoted, shows the watch ran its replacement pass.
    CompletableFuture<RelayRecord> other =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1));
    h.scheduler.runDue();
    assertThat(h.mempool.accepted()).hasSize(2);

    h.scheduler.advance(REPLACE_AFTER.plus(POLL));
    assertThat(h.mempool.accepted()).hasSize(3);
    h.mempool.mine();

    assertThat(h.settle(done).state()).isEqualTo(RelayState.CONFIRMED);
    assertThat(h.settle(other).state()).isEqualTo(RelayState.CONFIRMED);
    List<SignedTransaction> sent = h.mempool.accepted();
    assertThat(sent.get(2).nonce()).isEqualTo(sent.get(1).nonce());
    assertThat(sent)
        .filteredOn(tx -> tx.nonce() == sent.get(0).nonce())
        .singleElement()
        .satisfies(tx -> assertThat(tx.maxFeePerGas()).isEqualTo(Wei.gwei(6_250)));
  }

  @Test
  void givenANodeThatReportsTheNonceBeforeTheReceipt_whenWatched_thenConfirmedNotLost() {
    h.mempool.receiptsLag = true;
    CompletableFuture<RelayRecord> done =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1));
    h.scheduler.runDue();
    assertThat(h.mempool.minedNonce(relayer)).isEqualTo(1);

    h.scheduler.advance(RECEIPT_GRACE.minus(POLL)); // every tick sees the nonce used, no receipt
    assertThat(done).isNotDone();
    h.mempool.receiptsLag = false;

    assertThat(h.settle(done).state()).isEqualTo(RelayState.CONFIRMED);
  }

  @Test
  void
      givenTheNonceUsedByAnotherTransaction_whenNoReceiptComesForTheGrace_thenFailedAskingToResubmit() {
    CompletableFuture<RelayRecord> done = pooledTransfer();
    assertThat(h.mempool.accepted()).hasSize(1);
    h.mempool.stealNextNonce(relayer);

    h.scheduler.advance(RECEIPT_GRACE); // first seen missing one poll in: the grace is not over
    assertThat(done).isNotDone();
    h.scheduler.advance(POLL);

    RelayRecord failed = done.join();
    assertThat(failed.state()).isEqualTo(RelayState.FAILED);
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("resubmit"));
    assertThat(h.ledger.pending(relayer)).isEmpty();
  }

  @Test
  void givenANonceReportedLost_whenItsReceiptShowsUpLater_thenTheRecordIsCorrectedToConfirmed() {
    h.mempool.receiptsLag = true;
    CompletableFuture<RelayRecord> done =
        h.execute(engine, StoreSamples.tokenTransfer(Keys.of(1), 1));
    h.scheduler.runDue();
    h.scheduler.advance(RECEIPT_GRACE.plus(POLL));
    RelayRecord failed = done.join();
    assertThat(failed.state()).isEqualTo(RelayState.FAILED);

    h.mempool.receiptsLag = false;
    h.scheduler.advance(RECEIPT_GRACE);

    assertThat(h.journal.find(failed.id()).orElseThrow().state()).isEqualTo(RelayState.CONFIRMED);
  }
}
