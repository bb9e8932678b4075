package io.crogas.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.domain.port.out.RelayerSigner;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a node does with raw transactions, as the engine relies on it (PRODUCT §6): a send is
 * answered, and "already known", "nonce too low" and "replacement underpriced" are told apart from
 * refusals, because they mean the transaction may be out. A {@link Broadcaster} passes by extending
 * this class; the in-memory {@code FakeMempool} runs it, and so does the JSON-RPC adapter against a
 * real anvil, so the fake the engine's tests trust behaves like a node. The suite sends zero-value
 * self-transfers (the engine's gap fillers) and reads every nonce it uses from the node.
 */
public abstract class BroadcasterContract {
  /** geth's and Cronos's replacement rule: both fees up by at least 10%. */
  private static final ReplacementPolicy NODE_RULE =
      new ReplacementPolicy(10, 1, Wei.gwei(1_000_000));

  protected abstract Broadcaster broadcaster();

  /** Signs for {@link #funded()} and {@link #penniless()}. */
  protected abstract RelayerSigner signer();

  /** An account that can pay for gas. */
  protected abstract Address funded();

  /** An account that holds no CRO. */
  protected abstract Address penniless();

  protected abstract ChainId chainId();

  /** A fee cap and tip the node takes now: the fee cap above the base fee. */
  protected abstract Fees fees();

  /** Whether the node mines each transaction as it arrives; off, only {@link #mineBlock()} does. */
  protected abstract void automine(boolean on);

  /** Mines one block of what the node holds. */
  protected abstract void mineBlock();

  private TransactionDraft transfer(Address from, long nonce) {
    return TransactionDraft.gapFiller(
        from, chainId(), nonce, fees().maxFeePerGas(), fees().tip(), true);
  }

  private SignedTransaction signed(TransactionDraft draft) {
    return signer().sign(draft);
  }

  private long next() {
    return broadcaster().pendingNonce(funded());
  }

  private Receipt mined(SignedTransaction tx) {
    return await("a receipt of " + tx.hash())
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> broadcaster().receipt(tx.hash()), Optional::isPresent)
        .orElseThrow();
  }

  /** Runs {@code sends} with mining stopped, then mines what they left in the pool. */
  private void pooled(Runnable sends) {
    automine(false);
    try {
      sends.run();
    } finally {
      automine(true);
      mineBlock();
    }
  }

  @Test
  void givenASignedTransfer_whenSent_thenAcceptedAndMinedUnderItsOwnHash() {
    long nonce = next();
    SignedTransaction tx = signed(transfer(funded(), nonce));

    assertThat(broadcaster().send(tx)).isEqualTo(new SendResult.Accepted());

    Receipt receipt = mined(tx);
    assertThat(receipt.txHash()).isEqualTo(tx.hash());
    assertThat(receipt.success()).isTrue();
    assertThat(receipt.gasUsed()).isEqualTo(TransactionDraft.TRANSFER_GAS);
    assertThat(receipt.effectiveGasPrice()).isLessThanOrEqualTo(tx.maxFeePerGas());
    assertThat(broadcaster().minedNonce(funded())).isEqualTo(nonce + 1);
    assertThat(broadcaster().pendingNonce(funded())).isEqualTo(nonce + 1);
  }

  @Test
  void
      givenAPooledTransaction_whenItsBytesAreSentAgain_thenAlreadyKnownAndCountedPendingNotMined() {
    long nonce = next();
    SignedTransaction tx = signed(transfer(funded(), nonce));

    pooled(
        () -> {
          assertThat(broadcaster().send(tx)).isEqualTo(new SendResult.Accepted());
          assertThat(broadcaster().send(tx)).isEqualTo(new SendResult.AlreadyKnown());
          assertThat(broadcaster().pendingNonce(funded())).isEqualTo(nonce + 1);
          assertThat(broadcaster().minedNonce(funded())).isEqualTo(nonce);
          assertThat(broadcaster().receipt(tx.hash())).isEmpty();
        });

    assertThat(mined(tx).txHash()).isEqualTo(tx.hash());
  }

  @Test
  void givenAPooledTransaction_whenItsNonceComesAgainWithoutAHigherFee_thenUnderpriced() {
    TransactionDraft draft = transfer(funded(), next());
    Wei lower = new Wei(draft.maxFeePerGas().value().subtract(BigInteger.ONE));
    TransactionDraft sameFeesOtherBytes =
        new TransactionDraft(
            draft.relayer(),
            draft.chainId(),
            draft.nonce(),
            draft.job(),
            BigInteger.valueOf(22_000),
            draft.maxFeePerGas(),
            draft.tip(),
            true);

    pooled(
        () -> {
          assertThat(broadcaster().send(signed(draft))).isEqualTo(new SendResult.Accepted());
          assertThat(broadcaster().send(signed(draft.withFees(lower, draft.tip()))))
              .isEqualTo(new SendResult.Underpriced());
          assertThat(broadcaster().send(signed(sameFeesOtherBytes)))
              .isEqualTo(new SendResult.Underpriced());
        });
  }

  @Test
  void
      givenAPooledTransaction_whenReplacedWithBothFeesBumpedByTheRule_thenOnlyTheReplacementMines() {
    long nonce = next();
    TransactionDraft draft = transfer(funded(), nonce);
    Fees bumped = NODE_RULE.next(fees(), 0).orElseThrow();
    SignedTransaction first = signed(draft);
    SignedTransaction replacement = signed(draft.withFees(bumped.maxFeePerGas(), bumped.tip()));

    pooled(
        () -> {
          assertThat(broadcaster().send(first)).isEqualTo(new SendResult.Accepted());
          assertThat(broadcaster().send(replacement)).isEqualTo(new SendResult.Accepted());
        });

    assertThat(mined(replacement).txHash()).isEqualTo(replacement.hash());
    assertThat(broadcaster().receipt(first.hash())).isEmpty();
    assertThat(broadcaster().minedNonce(funded())).isEqualTo(nonce + 1);
  }

  @Test
  void givenAMinedTransaction_whenItsBytesOrAnotherTransactionForItsNonceAreSent_thenNonceTooLow() {
    long nonce = next();
    SignedTransaction first = signed(transfer(funded(), nonce));
    broadcaster().send(first);
    mined(first);
    Fees more = NODE_RULE.next(fees(), 0).orElseThrow();

    assertThat(broadcaster().send(first)).isEqualTo(new SendResult.NonceTooLow());
    assertThat(
            broadcaster()
                .send(signed(transfer(funded(), nonce).withFees(more.maxFeePerGas(), more.tip()))))
        .isEqualTo(new SendResult.NonceTooLow());
  }

  @Test
  void givenANonceAboveThePendingOne_whenSent_thenHeldUntilTheGapIsFilledThenBothMined() {
    long nonce = next();
    SignedTransaction later = signed(transfer(funded(), nonce + 1));
    SignedTransaction gap = signed(transfer(funded(), nonce));

    assertThat(broadcaster().send(later)).isEqualTo(new SendResult.Accepted());
    assertThat(broadcaster().pendingNonce(funded())).isEqualTo(nonce);
    assertThat(broadcaster().minedNonce(funded())).isEqualTo(nonce);
    assertThat(broadcaster().receipt(later.hash())).isEmpty();
    assertThat(broadcaster().send(gap)).isEqualTo(new SendResult.Accepted());

    mined(gap);
    mined(later);
    assertThat(broadcaster().minedNonce(funded())).isEqualTo(nonce + 2);
  }

  @Test
  void givenAnAccountWithoutCro_whenItSends_thenInsufficientFunds() {
    long nonce = broadcaster().pendingNonce(penniless());

    assertThat(broadcaster().send(signed(transfer(penniless(), nonce))))
        .isEqualTo(new SendResult.InsufficientFunds());
  }

  @Test
  void givenAGasLimitBelowAPlainTransfer_whenSent_thenRejected() {
    TransactionDraft draft = transfer(funded(), next());
    TransactionDraft tooLittle =
        new TransactionDraft(
            draft.relayer(),
            draft.chainId(),
            draft.nonce(),
            draft.job(),
            BigInteger.valueOf(20_000),
            draft.maxFeePerGas(),
            draft.tip(),
            true);

    assertRejected(broadcaster().send(signed(tooLittle)));
  }

  @Test
  void givenAFeeCapBelowTheBaseFee_whenSent_thenRejected() {
    TransactionDraft cheap = transfer(funded(), next()).withFees(Wei.of(1), Wei.of(1));

    assertRejected(broadcaster().send(signed(cheap)));
  }

  private static void assertRejected(SendResult answer) {
    assertThat(answer).isInstanceOf(SendResult.Rejected.class);
    assertThat(((SendResult.Rejected) answer).reason()).isNotBlank();
  }

  @Test
  void givenAHashNeverSent_whenItsReceiptIsAsked_thenNone() {
    assertThat(broadcaster().receipt(StoreSamples.hash(424_242))).isEmpty();
  }
}
