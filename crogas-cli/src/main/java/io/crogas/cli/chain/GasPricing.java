package io.crogas.cli.chain;

import io.crogas.chain.NetworkProfile;
import io.crogas.domain.model.ChainId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the chain prices gas, by the names the command line and the configuration use. */
public enum GasPricing {
  /** Cronos: EIP-1559 base fee, no tip, the fee cap is what is charged. */
  CRONOS,
  /** An EIP-1559 chain whose validators order by tip. */
  EIP1559,
  /** A chain with only {@code eth_gasPrice}. */
  LEGACY;

  public NetworkProfile profile(long chainId) {
    ChainId id = new ChainId(chainId);
    return switch (this) {
      case CRONOS -> NetworkProfile.cronos(id);
      case EIP1559 -> NetworkProfile.eip1559(id);
      case LEGACY -> NetworkProfile.legacy(id);
    };
  }

  public static Optional<GasPricing> named(String name) {
    return Arrays.stream(values())
        .filter(value -> value.name().equalsIgnoreCase(name.strip()))
        .findFirst();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
