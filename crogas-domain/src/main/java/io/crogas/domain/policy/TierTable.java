package io.crogas.domain.policy;

import io.crogas.domain.model.GasTier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured gas tiers by name. Which tiers exist and what they buy is configuration. */
public record TierTable(Map<String, GasTier> tiers) {
  public TierTable {
    if (tiers == null || tiers.isEmpty()) {
      throw new IllegalArgumentException("at least one gas tier must be configured");
    }
    tiers.forEach(
        (name, tier) -> {
          if (!name.equals(tier.name())) {
            throw new IllegalArgumentException("tier key " + name + " differs from its name");
          }
        });
    tiers = Map.copyOf(tiers);
  }

  public static TierTable of(List<GasTier> tiers) {
    Map<String, GasTier> byName = new LinkedHashMap<>();
    for (GasTier tier : tiers) {
      if (byName.put(tier.name(), tier) != null) {
        throw new IllegalArgumentException("gas tier defined twice: " + tier.name());
      }
    }
    return new TierTable(byName);
  }

  /**
   * The seed's three tiers. Fee caps of 110/125/150% of the base fee survive one, two and four
   * consecutive maximal EIP-1559 base-fee rises (12.5% each); tips scale the node's suggestion.
   */
  public static TierTable defaults() {
    return of(
        List.of(
            new GasTier("slow", 110, 100, 0),
            new GasTier("normal", 125, 125, 1),
            new GasTier("fast", 150, 200, 2)));
  }

  public Optional<GasTier> find(String name) {
    return Optional.ofNullable(tiers.get(name));
  }
}
