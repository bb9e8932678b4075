package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Wei;
import org.junit.jupiter.api.Test;

class KeyStandingTest {
  @Test
  void givenAKeyNeverRead_whenAsked_thenInRotation() {
    assertThat(KeyStanding.UNKNOWN.reason()).isEmpty();
  }

  @Test
  void givenAKeyTheForwarderDoesNotList_whenRead_thenOutWhateverItHolds() {
    assertThat(KeyStanding.UNKNOWN.read(false, Wei.gwei(1)).reason())
        .contains("the forwarder does not list it as a relayer");
  }

  @Test
  void givenAnEmptyKey_whenRead_thenOutUntilItHoldsSomething() {
    KeyStanding empty = KeyStanding.UNKNOWN.read(true, Wei.ZERO);

    assertThat(empty.reason()).contains("its balance of 0 wei cannot cover a job's worst case");
    assertThat(empty.read(true, Wei.of(1)).reason()).isEmpty();
  }

  @Test
  void givenAKeyShortOfAJobsWorstCase_whenToppedUpBelowIt_thenOutUntilABalanceClearsIt() {
    KeyStanding short1 = KeyStanding.UNKNOWN.read(true, Wei.of(50)).paying(Wei.of(50), Wei.of(80));

    assertThat(short1.reason())
        .contains("its balance of 50 wei cannot cover a job's worst case of 80 wei");
    assertThat(short1.read(true, Wei.of(79)).reason()).isPresent();
    assertThat(short1.read(true, Wei.of(80)).reason()).isEmpty();
    assertThat(short1.read(true, Wei.of(80)).needed()).isEqualTo(Wei.ZERO);
  }

  @Test
  void givenAKeyTheNodeSaidCannotPay_whenAsked_thenOutUntilACheckReadsEnough() {
    KeyStanding dry = KeyStanding.UNKNOWN.read(true, Wei.of(1_000)).dry(Wei.of(300));

    assertThat(dry.reason()).isPresent();
    assertThat(dry.read(true, Wei.of(300)).reason()).isEmpty();
  }
}
