package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.relay.KeyStanding;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which relayer keys may take new jobs: reads each key's registration and balance (every check
 * interval, and the balance again before a key takes a job) and keeps its {@link KeyStanding},
 * which says whether it is in rotation.
 */
final class KeyRotation {
  private static final System.Logger LOG = System.getLogger(KeyRotation.class.getName());

  private final Chain chain;
  private final List<Address> keys;
  private final Map<Address, KeyStanding> states = new ConcurrentHashMap<>();

  KeyRotation(Chain chain, List<Address> keys) {
    this.chain = chain;
    this.keys = List.copyOf(keys);
    keys.forEach(key -> states.put(key, KeyStanding.UNKNOWN));
  }

  /**
   * Reads every key's registration and balance again; a key the chain cannot tell about keeps its
   * state.
   */
  void checkAll() {
    for (Address key : keys) {
      try {
        boolean registered = chain.isRelayer(key);
        Wei balance = chain.nativeBalance(key);
        KeyStanding before = states.get(key);
        KeyStanding after = states.compute(key, (k, s) -> s.read(registered, balance));
        if (before.reason().isPresent() != after.reason().isPresent()) {
          LOG.log(
              System.Logger.Level.WARNING,
              "relayer {0} {1}",
              key,
              after
                  .reason()
                  .map(why -> "is out of rotation: " + why)
                  .orElse("is back in rotation"));
        }
      } catch (ChainUnavailableException e) {
        // Not knowing changes nothing: the next check or the send-time check decides.
      }
    }
  }

  boolean inRotation(Address key) {
    return states.get(key).reason().isEmpty();
  }

  /**
   * Whether {@code key} can pay {@code worstCase} now, by its balance {@code justRead} with the
   * job's other reads, or else read now; a key that cannot leaves the rotation until a check finds
   * at least that much on it.
   */
  boolean covers(Address key, Wei worstCase, Optional<Wei> justRead) {
    Wei balance = justRead.orElseGet(() -> chain.nativeBalance(key));
    KeyStanding after = states.compute(key, (k, s) -> s.paying(balance, worstCase));
    after
        .reason()
        .ifPresent(
            why ->
                LOG.log(
                    System.Logger.Level.WARNING, "relayer {0} is out of rotation: {1}", key, why));
    return balance.compareTo(worstCase) >= 0;
  }

  /** The node refused a send of {@code worstCase} for want of funds: out until a check finds it. */
  void ranDry(Address key, Wei worstCase) {
    states.compute(key, (k, s) -> s.dry(worstCase));
  }

  /** Keys out of rotation and why, by address. */
  Map<Address, String> outOfRotation() {
    Map<Address, String> out = new TreeMap<>(Comparator.comparing(Address::value));
    states.forEach((key, state) -> state.reason().ifPresent(why -> out.put(key, why)));
    return out;
  }
}
