package io.crogas.domain.policy;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import java.util.Optional;
import java.util.Set;

/**
 * Which contracts the relayer will call on users' behalf. An empty allow list allows every target
 * not denied. The forwarder and the fee token are always denied: calling them through the forwarder
 * could move what the forwarder holds.
 */
public record TargetPolicy(Set<Address> allow, Set<Address> deny) {
  public TargetPolicy {
    allow = Set.copyOf(allow);
    deny = Set.copyOf(deny);
  }

  public static TargetPolicy open() {
    return new TargetPolicy(Set.of(), Set.of());
  }

  /** Empty if the relayer may call {@code target}, else a 403. */
  public Optional<Rejection> check(Address target, Address forwarder, Address feeToken) {
    boolean allowed =
        !target.equals(forwarder)
            && !target.equals(feeToken)
            && !target.isZero()
            && !deny.contains(target)
            && (allow.isEmpty() || allow.contains(target));
    if (allowed) {
      return Optional.empty();
    }
    return Optional.of(
        Rejection.of(
            RejectionCode.FORBIDDEN,
            "this relayer does not call " + target,
            "target",
            "not an allowed target"));
  }
}
