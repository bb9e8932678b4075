package io.crogas.domain.model;

/** An EIP-155 chain id (25 Cronos mainnet, 338 Cronos testnet). */
public record ChainId(long value) {
  public static final ChainId CRONOS_MAINNET = new ChainId(25);
  public static final ChainId CRONOS_TESTNET = new ChainId(338);

  public ChainId {
    if (value <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + value);
    }
  }

  /** The CAIP-2 name x402 v2 uses, e.g. {@code eip155:338}. */
  public String caip2() {
    return "eip155:" + value;
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
