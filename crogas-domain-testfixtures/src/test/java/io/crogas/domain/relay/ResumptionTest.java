package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Keys;
import io.crogas.testfixtures.StoreSamples;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a restart (or a reconciliation) does with each unmined nonce of the ledger. */
class ResumptionTest {
  private static final long NONCE = 4;
  private final RelayRecord live =
      StoreSamples.accepted("r-1", StoreSamples.tokenTransfer(Keys.of(1), 1), StoreSamples.T0);
  private final SignedTransaction jobBytes = StoreSamples.signed(StoreSamples.RELAYER, NONCE, 1);
  private final SignedTransaction fillerBytes =
      new SignedTransaction(
          StoreSamples.RELAYER,
          NONCE,
          StoreSamples.hash(9),
          "0x02",
          Wei.gwei(7),
          Wei.ZERO,
          TransactionDraft.TRANSFER_GAS,
          StoreSamples.T0);

  private static NonceAssignment assignment(
      Optional<String> recordId, List<SignedTransaction> signed) {
    return new NonceAssignment(StoreSamples.RELAYER, NONCE, recordId, signed, Optional.empty());
  }

  @Test
  void givenALiveJobWithSignedBytes_whenResumed_thenRewatchedAndResentUnlessTheChainPassedIt() {
    Resumption resumption =
        Resumption.of(assignment(Optional.of("r-1"), List.of(jobBytes)), Optional.of(live));

    assertThat(resumption).isEqualTo(new Resumption.Rewatch(live, jobBytes));
    Resumption.Rewatch rewatch = (Resumption.Rewatch) resumption;
    assertThat(rewatch.resend(NONCE)).isTrue();
    assertThat(rewatch.resend(NONCE + 1)).isFalse();
    assertThat(rewatch.draft(ChainId.CRONOS_TESTNET, true))
        .isEqualTo(
            new TransactionDraft(
                StoreSamples.RELAYER,
                ChainId.CRONOS_TESTNET,
                NONCE,
                Optional.of(live.job()),
                BigInteger.valueOf(215_000),
                jobBytes.maxFeePerGas(),
                Wei.ZERO,
                true));
  }

  @Test
  void givenALiveJobWithNothingSigned_whenResumed_thenSignedForItsNonce() {
    assertThat(Resumption.of(assignment(Optional.of("r-1"), List.of()), Optional.of(live)))
        .isEqualTo(new Resumption.Sign(live));
  }

  @Test
  void givenAJobReportedFinal_whenResumed_thenItsBytesAreNeverSentButAFillerTakesTheNonce() {
    RelayRecord failed = StoreSamples.failed(live, "gone", StoreSamples.T0);

    assertThat(
            Resumption.of(assignment(Optional.of("r-1"), List.of(jobBytes)), Optional.of(failed)))
        .isEqualTo(new Resumption.Fill(List.of(jobBytes)));
    assertThat(Resumption.of(assignment(Optional.of("r-1"), List.of()), Optional.empty()))
        .isEqualTo(new Resumption.Fill(List.of()));
  }

  @Test
  void givenASignedGapFiller_whenResumed_thenItsBytesAreSentAgain() {
    Resumption resumption =
        Resumption.of(assignment(Optional.empty(), List.of(fillerBytes)), Optional.empty());

    assertThat(resumption).isEqualTo(new Resumption.RewatchFiller(fillerBytes));
    assertThat(((Resumption.RewatchFiller) resumption).draft(ChainId.CRONOS_TESTNET, false))
        .isEqualTo(
            TransactionDraft.gapFiller(
                StoreSamples.RELAYER, ChainId.CRONOS_TESTNET, NONCE, Wei.gwei(7), Wei.ZERO, false));
  }
}
