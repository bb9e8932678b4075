package io.crogas.domain.relay;

import io.crogas.domain.model.Address;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which relayer key's lane takes a job. A payer's jobs stay on one lane while any is in flight, so
 * pipelined meta-transactions reach the chain in order, unless that lane left the rotation;
 * otherwise the least loaded lane in rotation, the first listed on a tie.
 */
public final class LaneChoice {
  /** Why a job that must leave its key fails when no other can take it. */
  public static final String NO_KEY_CAN_PAY =
      "no relayer key has the CRO to pay for this job now (too little CRO for gas); nothing was"
          + " charged";

  private LaneChoice() {}

  /** One lane as the choice sees it. */
  public record Lane(Address relayer, int load, boolean servesPayer, boolean inRotation) {}

  /** Where a new job goes. */
  public sealed interface Dispatch permits Dispatch.Take, Dispatch.Refuse {
    record Take(Address relayer) implements Dispatch {}

    /** Nothing was sent or charged: {@code reason} says why. */
    record Refuse(String reason) implements Dispatch {}
  }

  /** The lane for a new job, or why it fails at once; a lane holds at most {@code limit} jobs. */
  public static Dispatch dispatch(List<Lane> lanes, int limit, Map<Address, String> outOfRotation) {
    Optional<Lane> chosen = choose(lanes);
    if (chosen.isEmpty()) {
      return new Dispatch.Refuse(
          "no relayer key can take jobs now: "
              + String.join(
                  "; ",
                  outOfRotation.entrySet().stream()
                      .map(e -> e.getKey().value() + " " + e.getValue())
                      .toList()));
    }
    if (chosen.get().load() >= limit) {
      return new Dispatch.Refuse(
          "the relayer's queue is full ("
              + limit
              + " jobs); nothing was sent or charged, try again shortly");
    }
    return new Dispatch.Take(chosen.get().relayer());
  }

  /** The lane for a job that must leave its key (it cannot pay), whatever the lanes hold. */
  public static Optional<Address> move(List<Lane> lanes) {
    return choose(lanes).map(Lane::relayer);
  }

  private static Optional<Lane> choose(List<Lane> lanes) {
    List<Lane> open = lanes.stream().filter(Lane::inRotation).toList();
    return open.stream()
        .filter(Lane::servesPayer)
        .findFirst()
        .or(() -> open.stream().min(Comparator.comparingInt(Lane::load)));
  }
}
