package io.crogas.domain.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.relay.LaneChoice.Dispatch;
import io.crogas.domain.relay.LaneChoice.Lane;
import io.crogas.testfixtures.Keys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaneChoiceTest {
  private static final Address A = Keys.of(101).address();
  private static final Address B = Keys.of(102).address();
  private static final Address C = Keys.of(103).address();

  @Test
  void givenAPayerWithAJobOnALane_whenAnotherArrives_thenTheSameLaneWhateverTheLoads() {
    List<Lane> lanes =
        List.of(
            new Lane(A, 0, false, true), new Lane(B, 9, true, true), new Lane(C, 1, false, true));

    assertThat(LaneChoice.dispatch(lanes, 10, Map.of())).isEqualTo(new Dispatch.Take(B));
  }

  @Test
  void givenThePayersLaneOutOfRotation_whenAJobArrives_thenTheLeastLoadedInRotationFirstListed() {
    List<Lane> lanes =
        List.of(
            new Lane(A, 3, false, true),
            new Lane(B, 0, true, false),
            new Lane(C, 1, false, true),
            new Lane(Keys.of(104).address(), 1, false, true));

    assertThat(LaneChoice.dispatch(lanes, 10, Map.of())).isEqualTo(new Dispatch.Take(C));
  }

  @Test
  void givenNoKeyInRotation_whenAJobArrives_thenRefusedNamingEachKeyAndWhy() {
    List<Lane> lanes = List.of(new Lane(A, 0, false, false));

    assertThat(LaneChoice.dispatch(lanes, 10, Map.of(A, "it is empty")))
        .isEqualTo(
            new Dispatch.Refuse("no relayer key can take jobs now: " + A.value() + " it is empty"));
  }

  @Test
  void givenAFullLane_whenAJobArrives_thenRefusedButAJobMovingKeysStillGoes() {
    List<Lane> lanes = List.of(new Lane(A, 2, false, true));

    assertThat(LaneChoice.dispatch(lanes, 2, Map.of()))
        .isEqualTo(
            new Dispatch.Refuse(
                "the relayer's queue is full (2 jobs); nothing was sent or charged, try again"
                    + " shortly"));
    assertThat(LaneChoice.move(lanes)).contains(A);
    assertThat(LaneChoice.move(List.of(new Lane(A, 0, false, false)))).isEqualTo(Optional.empty());
  }
}
