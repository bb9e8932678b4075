package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.Wei;
import org.junit.jupiter.api.Test;

class ReplacementPolicyTest {
  private final ReplacementPolicy policy = new ReplacementPolicy(10, 2, Wei.of(1_000));

  @Test
  void givenABumpBelowTheNodesRule_whenConfigured_thenRefused() {
    assertThatThrownBy(() -> new ReplacementPolicy(9, 1, Wei.of(1))).hasMessageContaining("10");
  }

  @Test
  void givenFees_whenReplaced_thenBothRiseByAtLeastTheBumpRoundedUp() {
    ReplacementPolicy.Fees next =
        policy.next(new ReplacementPolicy.Fees(Wei.of(105), Wei.ZERO), 0).orElseThrow();

    assertThat(next.maxFeePerGas()).isEqualTo(Wei.of(116)); // ceil(115.5)
    assertThat(next.tip()).isEqualTo(Wei.of(1)); // a zero tip still rises
  }

  @Test
  void givenTheReplacementLimit_whenReached_thenNoMoreReplacements() {
    assertThat(policy.next(new ReplacementPolicy.Fees(Wei.of(100), Wei.of(1)), 2)).isEmpty();
  }

  @Test
  void givenTheCeiling_whenABumpWouldPassIt_thenNoReplacementRatherThanOverpaying() {
    assertThat(policy.next(new ReplacementPolicy.Fees(Wei.of(950), Wei.of(1)), 0)).isEmpty();
  }
}
