package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NoncePolicyTest {
  private static SortedSet<BigInteger> set(long... values) {
    SortedSet<BigInteger> set = new TreeSet<>();
    for (long v : values) {
      set.add(BigInteger.valueOf(v));
    }
    return set;
  }

  private static Optional<Rejection> check(long submitted, long onChain, long... inFlight) {
    return NoncePolicy.check(
        BigInteger.valueOf(submitted), BigInteger.valueOf(onChain), set(inFlight));
  }

  @Test
  void givenANonceBelowTheChain_whenChecked_thenRefusedAsUsed() {
    assertThat(check(4, 5))
        .hasValueSatisfying(
            r -> {
              assertThat(r.code()).isEqualTo(RejectionCode.NONCE_MISMATCH);
              assertThat(r.message()).contains("already used");
            });
  }

  @Test
  void givenANonceTakenInFlight_whenChecked_thenRefused() {
    assertThat(check(5, 5, 5, 6))
        .hasValueSatisfying(r -> assertThat(r.message()).contains("in flight"));
  }

  @Test
  void givenAGap_whenChecked_thenRefusedNamingTheExpected() {
    assertThat(check(7, 5))
        .hasValueSatisfying(r -> assertThat(r.details()).containsEntry("expected", "5"));
  }

  @Test
  void givenTheChainNonce_whenChecked_thenAccepted() {
    assertThat(check(5, 5)).isEmpty();
  }

  @Test
  void givenRequestsInFlight_whenTheNextIsChecked_thenPipeliningIsAccepted() {
    assertThat(check(7, 5, 5, 6)).isEmpty();
  }

  @Test
  void givenStaleInFlightEntriesBelowTheChain_whenExpected_thenTheyAreIgnored() {
    assertThat(NoncePolicy.expectedNext(BigInteger.valueOf(5), set(2, 3, 5)))
        .isEqualTo(BigInteger.valueOf(6));
  }

  @Test
  void givenAHoleInFlight_whenExpected_thenTheHoleIsNext() {
    assertThat(NoncePolicy.expectedNext(BigInteger.valueOf(5), set(5, 7)))
        .isEqualTo(BigInteger.valueOf(6));
  }
}
