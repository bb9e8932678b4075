package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Broadcaster.SendResult;
import io.crogas.testfixtures.StoreSamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each answer of the node does to a watched nonce. */
class WatchedNonceTest {
  private static final Instant T0 = StoreSamples.T0;
  private static final TransactionDraft FILLER =
      TransactionDraft.gapFiller(
          StoreSamples.RELAYER, ChainId.CRONOS_TESTNET, 3, Wei.gwei(10), Wei.ZERO, true);

  private static SignedTransaction signed(long seed) {
    return StoreSamples.signed(StoreSamples.RELAYER, 3, seed);
  }

  private static WatchedNonce sent(SendResult answer) {
    return WatchedNonce.sent(3, Optional.empty(), FILLER, List.of(signed(1)), T0, answer);
  }

  @Test
  void givenEverythingSentForANonce_whenWatched_thenEveryHashAndTheLatestBytes() {
    WatchedNonce nonce =
        WatchedNonce.sent(
            3,
            Optional.of("r-1"),
            FILLER,
            List.of(signed(1), signed(2)),
            T0,
            new SendResult.Accepted());

    assertThat(nonce.hashes()).containsExactly(signed(1).hash(), signed(2).hash());
    assertThat(nonce.latest()).isEqualTo(signed(2));
    assertThat(nonce.needsResend()).isFalse();
    assertThat(nonce.refused()).isFalse();
  }

  @Test
  void givenAnAnswerThatSaysNothing_whenSent_thenItIsToBeSentAgain() {
    assertThat(sent(new SendResult.Unreachable("timeout")).needsResend()).isTrue();
    assertThat(sent(new SendResult.AlreadyKnown()).needsResend()).isFalse();
  }

  @Test
  void givenARefusal_whenTheBytesAreTakenLater_thenEachRestartsTheWaitBeforeAReplacement() {
    WatchedNonce refused = sent(new SendResult.Rejected("nope"));
    WatchedNonce againRefused =
        refused.resent(new SendResult.InsufficientFunds(), T0.plusSeconds(30));
    WatchedNonce taken = againRefused.resent(new SendResult.Accepted(), T0.plusSeconds(60));
    WatchedNonce keptTaking = taken.resent(new SendResult.AlreadyKnown(), T0.plusSeconds(63));

    assertThat(refused.refused()).isTrue();
    assertThat(againRefused.lastSent()).isEqualTo(T0.plusSeconds(30));
    assertThat(taken.refused()).isFalse();
    assertThat(taken.lastSent()).isEqualTo(T0.plusSeconds(60));
    assertThat(keptTaking.lastSent()).isEqualTo(T0.plusSeconds(60));
    assertThat(keptTaking.lastTry()).isEqualTo(T0.plusSeconds(63));
  }

  @Test
  void givenAReplacementTheNodeTook_whenAnswered_thenItIsTheLatestAndBothHashesCount() {
    TransactionDraft bumped = FILLER.withFees(Wei.gwei(11), Wei.of(1));

    WatchedNonce replaced =
        sent(new SendResult.Accepted())
            .replacement(
                bumped, signed(2), new SendResult.Unreachable("timeout"), T0.plusSeconds(30));

    assertThat(replaced.draft()).isEqualTo(bumped);
    assertThat(replaced.latest()).isEqualTo(signed(2));
    assertThat(replaced.hashes()).containsExactly(signed(1).hash(), signed(2).hash());
    assertThat(replaced.replacements()).isEqualTo(1);
    assertThat(replaced.lastSent()).isEqualTo(T0.plusSeconds(30));
    assertThat(replaced.needsResend()).isTrue();
  }

  @Test
  void givenAReplacementTheNodeRefused_whenAnswered_thenNotAdoptedButItsHashStillCounts() {
    WatchedNonce before = sent(new SendResult.Accepted());
    TransactionDraft bumped = FILLER.withFees(Wei.gwei(11), Wei.of(1));

    for (SendResult refusal :
        List.of(
            new SendResult.Underpriced(),
            new SendResult.NonceTooLow(),
            new SendResult.Rejected("no"),
            new SendResult.InsufficientFunds())) {
      WatchedNonce after = before.replacement(bumped, signed(2), refusal, T0.plusSeconds(30));

      assertThat(after.draft()).isEqualTo(FILLER);
      assertThat(after.latest()).isEqualTo(signed(1));
      assertThat(after.replacements()).isZero();
      assertThat(after.hashes()).containsExactly(signed(1).hash(), signed(2).hash());
      assertThat(after.lastSent()).isEqualTo(T0.plusSeconds(30));
    }
  }
}
