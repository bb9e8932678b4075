package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.relay.LaneChoice;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The relayer keys' lanes and their watches, in the order the keys were configured. */
final class Lanes implements AutoCloseable {
  private final Map<Address, NonceLane> lanes;
  private final Map<Address, LaneWatch> watches;

  Lanes(List<Address> relayers, EngineThreads threads, Function<NonceLane, LaneWatch> watchOf) {
    Map<Address, NonceLane> byKey = new LinkedHashMap<>();
    Map<Address, LaneWatch> watchByKey = new LinkedHashMap<>();
    for (Address relayer : relayers) {
      NonceLane lane = new NonceLane(relayer, threads.lane(relayer));
      byKey.put(relayer, lane);
      watchByKey.put(relayer, watchOf.apply(lane));
    }
    this.lanes = Collections.unmodifiableMap(byKey);
    this.watches = Collections.unmodifiableMap(watchByKey);
  }

  NonceLane lane(Address relayer) {
    return lanes.get(relayer);
  }

  LaneWatch watch(NonceLane lane) {
    return watches.get(lane.relayer());
  }

  Collection<NonceLane> all() {
    return lanes.values();
  }

  /** Each lane as the {@link LaneChoice} sees it for a job of {@code payer}. */
  List<LaneChoice.Lane> views(Address payer, KeyRotation rotation, KeyHolding holding) {
    return lanes.values().stream()
        .map(
            lane ->
                new LaneChoice.Lane(
                    lane.relayer(),
                    lane.load(),
                    lane.serves(payer),
                    rotation.inRotation(lane.relayer()) && holding.holds(lane.relayer())))
        .toList();
  }

  /** Jobs queued or in flight per relayer key, by address. */
  Map<Address, Integer> loads() {
    Map<Address, Integer> loads = new TreeMap<>(Comparator.comparing(Address::value));
    lanes.forEach((relayer, lane) -> loads.put(relayer, lane.load()));
    return loads;
  }

  @Override
  public void close() {
    lanes.values().forEach(NonceLane::close);
  }
}
