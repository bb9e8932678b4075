package io.crogas.domain.policy;

import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayEvent;
import io.crogas.domain.model.RelayRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down, then refuses, an address whose calls revert on chain after passing simulation: each
 * such revert is gas the relayer paid and nobody reimbursed (the forwarder reverts the fee with the
 * call). Within {@code window}, after one revert the address may have one request accepted per
 * {@code slowdown}; after {@code refuseAfter} reverts it is refused until the oldest of them is
 * older than {@code window}. So one address costs the relayer at most {@code refuseAfter} reverted
 * transactions per {@code window}, each at most its quoted gas limit times its quoted fee cap.
 *
 * @param window how long a revert counts against its address
 * @param refuseAfter reverts within the window after which the address is refused
 * @param slowdown the least time between two accepted requests of an address with a revert
 */
public record RevertPolicy(Duration window, int refuseAfter, Duration slowdown) {
  /** Records of one address looked at, newest first: more than it can be accepted per window. */
  public static final int HISTORY = 200;

  public RevertPolicy {
    if (window == null || slowdown == null || window.isNegative() || slowdown.isNegative()) {
      throw new IllegalArgumentException("window and slowdown must be >= 0");
    }
    if (refuseAfter < 1) {
      throw new IllegalArgumentException("refuseAfter must be at least 1");
    }
  }

  /** One hour; refused after 3 reverts; 5 minutes between requests after a revert. */
  public static RevertPolicy defaults() {
    return new RevertPolicy(Duration.ofHours(1), 3, Duration.ofMinutes(5));
  }

  /**
   * Empty if the address whose {@code recent} records (newest first, at most {@link #HISTORY}) are
   * given may have a request accepted at {@code now}, else a 429 with {@code retryAfterSeconds}.
   */
  public Optional<Rejection> check(List<RelayRecord> recent, Instant now) {
    Instant since = now.minus(window);
    List<Instant> reverts =
        recent.stream()
            .filter(r -> r.receipt().filter(receipt -> !receipt.success()).isPresent())
            .map(r -> lastEvent(r).at())
            .filter(at -> at.isAfter(since))
            .sorted()
            .toList();
    if (reverts.size() >= refuseAfter) {
      Instant until = reverts.get(reverts.size() - refuseAfter).plus(window);
      return limited(
          "calls of this address reverted on chain "
              + reverts.size()
              + " times within "
              + window.toMinutes()
              + " min after passing simulation; refused until "
              + until,
          Duration.between(now, until));
    }
    if (reverts.isEmpty() || recent.isEmpty()) {
      return Optional.empty();
    }
    Instant next = recent.get(0).history().get(0).at().plus(slowdown);
    if (now.isBefore(next)) {
      return limited(
          "a call of this address reverted on chain after passing simulation; it may send one"
              + " request per "
              + slowdown.toSeconds()
              + " s until "
              + reverts.get(reverts.size() - 1).plus(window),
          Duration.between(now, next));
    }
    return Optional.empty();
  }

  private static RelayEvent lastEvent(RelayRecord record) {
    return record.history().get(record.history().size() - 1);
  }

  private static Optional<Rejection> limited(String message, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return Optional.of(
        new Rejection(
            RejectionCode.RATE_LIMITED,
            message,
            Map.of("userAddress", "slowed down after reverts", "retryAfterSeconds", "" + seconds)));
  }
}
