package io.crogas.cli.x402;

import io.crogas.domain.model.Address;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which tokens a payer pays with. The caps read a requirement's amount as 6-decimal USDC, so a
 * token with fewer decimals would be worth more per unit than the cap says: naming the USDC
 * contracts closes that. {@link #any()} accepts every EIP-3009 token (and trusts its decimals to be
 * 6).
 */
public final class AcceptedAssets {
  private final Supplier<Set<Address>> allowed;
  private final boolean any;

  private AcceptedAssets(Supplier<Set<Address>> allowed, boolean any) {
    this.allowed = allowed;
    this.any = any;
  }

  public static AcceptedAssets any() {
    return new AcceptedAssets(Set::of, true);
  }

  /** Only {@code assets}; read when first needed (e.g. from a server), then kept. */
  public static AcceptedAssets only(Supplier<Set<Address>> assets) {
    return new AcceptedAssets(memoized(assets), false);
  }

  boolean accepts(Address asset) {
    return any || allowed.get().contains(asset);
  }

  String describe() {
    return any ? "any token" : "only " + allowed.get();
  }

  private static Supplier<Set<Address>> memoized(Supplier<Set<Address>> source) {
    return new Supplier<>() {
      private Set<Address> value;

      @Override
      public synchronized Set<Address> get() {
        if (value == null) {
          value = Set.copyOf(source.get());
        }
        return value;
      }
    };
  }
}
