package io.crogas.domain.relay;

import io.crogas.domain.model.Wei;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Whether a relayer key may take new jobs (PRODUCT §6), from what is known of it: whether the
 * forwarder lists it, its last balance, and the largest worst case (gas limit × fee cap) it could
 * not cover, the bar a balance must clear to bring it back. A key never read counts as in rotation:
 * the send-time check still catches one that cannot pay.
 */
public record KeyStanding(Optional<Boolean> registered, Optional<Wei> balance, Wei needed) {
  public static final KeyStanding UNKNOWN =
      new KeyStanding(Optional.empty(), Optional.empty(), Wei.ZERO);

  /** A periodic check read the registration and the balance. */
  public KeyStanding read(boolean listed, Wei now) {
    return new KeyStanding(
        Optional.of(listed), Optional.of(now), now.compareTo(needed) >= 0 ? Wei.ZERO : needed);
  }

  /** The balance was read right before the key took a job costing at most {@code worstCase}. */
  public KeyStanding paying(Wei now, Wei worstCase) {
    return new KeyStanding(
        registered,
        Optional.of(now),
        now.compareTo(worstCase) < 0 ? max(needed, worstCase) : needed);
  }

  /** The node said the key cannot pay {@code worstCase}, whatever balance was read before. */
  public KeyStanding dry(Wei worstCase) {
    return new KeyStanding(registered, Optional.of(Wei.ZERO), max(needed, worstCase));
  }

  /** Why the key is out of rotation; empty while it is in. */
  public Optional<String> reason() {
    if (registered.filter(listed -> !listed).isPresent()) {
      return Optional.of("the forwarder does not list it as a relayer");
    }
    if (balance.isEmpty()) {
      return Optional.empty();
    }
    Wei bar = needed.compareTo(Wei.ZERO) > 0 ? needed : new Wei(BigInteger.ONE);
    if (balance.get().compareTo(bar) < 0) {
      return Optional.of(
          "its balance of "
              + balance.get().value()
              + " wei cannot cover a job's worst case"
              + (needed.compareTo(Wei.ZERO) > 0 ? " of " + needed.value() + " wei" : ""));
    }
    return Optional.empty();
  }

  private static Wei max(Wei a, Wei b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
