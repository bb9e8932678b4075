package io.crogas.engine;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which relayer keys may take new jobs (PRODUCT §6): a key the forwarder does not list as a
 * relayer, or whose CRO cannot cover a job's worst case (gas limit × fee cap), is out of rotation
 * until a later check finds it listed and able to pay again. Unknown (never read) counts as in
 * rotation: the send-time check still catches a key that cannot pay.
 */
final class KeyRotation {
  private static final System.Logger LOG = System.getLogger(KeyRotation.class.getName());

  private final Chain chain;
  private final List<Address> keys;
  private final Map<Address, KeyState> states = new ConcurrentHashMap<>();

  KeyRotation(Chain chain, List<Address> keys) {
    this.chain = chain;
    this.keys = List.copyOf(keys);
    keys.forEach(key -> states.put(key, KeyState.UNKNOWN));
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
        KeyState before = states.get(key);
        KeyState after = states.compute(key, (k, s) -> s.read(registered, balance));
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
   * Whether {@code key} can pay {@code worstCase} now, read from the chain; a key that cannot
   * leaves the rotation until a check finds at least that much on it.
   */
  boolean covers(Address key, Wei worstCase) {
    Wei balance = chain.nativeBalance(key);
    KeyState after = states.compute(key, (k, s) -> s.paying(balance, worstCase));
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

  /**
   * What is known of one key: whether the forwarder lists it, its last balance, and the largest
   * worst case it could not cover (the bar a balance must clear to bring it back).
   */
  private record KeyState(Optional<Boolean> registered, Optional<Wei> balance, Wei needed) {
    static final KeyState UNKNOWN = new KeyState(Optional.empty(), Optional.empty(), Wei.ZERO);

    KeyState read(boolean listed, Wei now) {
      return new KeyState(
          Optional.of(listed), Optional.of(now), now.compareTo(needed) >= 0 ? Wei.ZERO : needed);
    }

    KeyState paying(Wei now, Wei worstCase) {
      return new KeyState(
          registered,
          Optional.of(now),
          now.compareTo(worstCase) < 0 ? max(needed, worstCase) : needed);
    }

    /** The node said the key cannot pay {@code worstCase}, whatever balance was read before. */
    KeyState dry(Wei worstCase) {
      return new KeyState(registered, Optional.of(Wei.ZERO), max(needed, worstCase));
    }

    private static Wei max(Wei a, Wei b) {
      return a.compareTo(b) >= 0 ? a : b;
    }

    Optional<String> reason() {
      if (registered.filter(listed -> !listed).isPresent()) {
        return Optional.of("the forwarder does not list it as a relayer");
      }
      if (balance.isEmpty()) {
        return Optional.empty();
      }
      Wei bar = needed.compareTo(Wei.ZERO) > 0 ? needed : new Wei(java.math.BigInteger.ONE);
      if (balance.get().compareTo(bar) < 0) {
        return Optional.of(
            "its balance of "
                + balance.get().value()
                + " wei cannot cover a job's worst case"
                + (needed.compareTo(Wei.ZERO) > 0 ? " of " + needed.value() + " wei" : ""));
      }
      return Optional.empty();
    }
  }
}
