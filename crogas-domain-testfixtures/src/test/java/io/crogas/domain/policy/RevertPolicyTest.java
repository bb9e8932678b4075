package io.crogas.domain.policy;

import static io.crogas.testfixtures.StoreSamples.ALICE;
import static io.crogas.testfixtures.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayRecord;
import io.crogas.testfixtures.StoreSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevertPolicyTest {
  private final RevertPolicy policy =
      new RevertPolicy(Duration.ofHours(1), 3, Duration.ofMinutes(5));

  /** A record created at {@code created} whose transaction was mined at {@code mined}. */
  private static RelayRecord mined(int n, Instant created, Instant mined, boolean success) {
    RelayRecord accepted =
        StoreSamples.accepted("r-" + n, StoreSamples.forwarderCall(ALICE, n), created);
    RelayRecord sent = StoreSamples.submitted(accepted, StoreSamples.hash(n), created);
    return StoreSamples.confirmed(sent, success, mined);
  }

  private static List<RelayRecord> newestFirst(List<RelayRecord> oldestFirst) {
    List<RelayRecord> copy = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  @Test
  void givenNoRevert_whenChecked_thenAllowedWhateverTheRate() {
    List<RelayRecord> recent = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      recent.add(mined(n, T0.plusSeconds(n), T0.plusSeconds(n + 1), true));
    }

    assertThat(policy.check(newestFirst(recent), T0.plusSeconds(51))).isEmpty();
  }

  @Test
  void givenOneRevert_whenTheNextRequestComesWithinTheSlowdown_thenRateLimitedUntilItEnds() {
    List<RelayRecord> recent = List.of(mined(0, T0, T0.plusSeconds(6), false));

    assertThat(policy.check(recent, T0.plusSeconds(60)))
        .hasValueSatisfying(
            r -> {
              assertThat(r.code()).isEqualTo(RejectionCode.RATE_LIMITED);
              assertThat(r.details()).containsEntry("retryAfterSeconds", "240");
            });
    assertThat(policy.check(recent, T0.plusSeconds(300))).isEmpty();
  }

  @Test
  void givenThreeRevertsWithinTheWindow_whenChecked_thenRefusedUntilTheOldestAgesOut() {
    List<RelayRecord> recent =
        newestFirst(
            List.of(
                mined(0, T0, T0.plusSeconds(10), false),
                mined(1, T0.plusSeconds(600), T0.plusSeconds(610), false),
                mined(2, T0.plusSeconds(1200), T0.plusSeconds(1210), false)));

    assertThat(policy.check(recent, T0.plusSeconds(3_000)))
        .hasValueSatisfying(r -> assertThat(r.details()).containsEntry("retryAfterSeconds", "610"));
    assertThat(policy.check(recent, T0.plusSeconds(3_611))).isEmpty();
  }

  @Test
  void givenRevertsOlderThanTheWindow_whenChecked_thenTheyNoLongerCount() {
    List<RelayRecord> recent =
        newestFirst(
            List.of(
                mined(0, T0, T0.plusSeconds(10), false),
                mined(1, T0.plusSeconds(20), T0.plusSeconds(30), false),
                mined(2, T0.plusSeconds(40), T0.plusSeconds(50), false)));

    assertThat(policy.check(recent, T0.plusSeconds(3_700))).isEmpty();
  }
}
