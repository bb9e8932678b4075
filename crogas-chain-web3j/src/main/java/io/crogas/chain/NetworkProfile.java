package io.crogas.chain;

import io.crogas.domain.model.ChainId;

/**
 * How a network prices gas, so that the adapter asks the node the right questions.
 *
 * <p>On Cronos the base fee is EIP-1559's, but blocks are ordered first-in first-out and there is
 * no priority tip: the fee cap a transaction names is what it is charged. Its profile therefore
 * reads the base fee and reports a zero tip whatever {@code eth_maxPriorityFeePerGas} says. Legacy
 * chains only have {@code eth_gasPrice}.
 *
 * @param eip1559 the latest block carries {@code baseFeePerGas} and type-2 transactions are
 *     accepted
 * @param priorityTips validators order by tip, so the node's suggested tip is worth paying
 */
public record NetworkProfile(ChainId chainId, boolean eip1559, boolean priorityTips) {
  public NetworkProfile {
    if (chainId == null) {
      throw new IllegalArgumentException("a network profile needs its chain id");
    }
    if (priorityTips && !eip1559) {
      throw new IllegalArgumentException("priority tips exist only on EIP-1559 networks");
    }
  }

  /** Cronos EVM (mainnet 25, testnet 338): EIP-1559 base fee, no tip, the fee cap is charged. */
  public static NetworkProfile cronos(ChainId chainId) {
    return new NetworkProfile(chainId, true, false);
  }

  /** An Ethereum-like EIP-1559 chain whose validators order by priority tip (anvil, most L1s). */
  public static NetworkProfile eip1559(ChainId chainId) {
    return new NetworkProfile(chainId, true, true);
  }

  /** A chain with a single {@code eth_gasPrice} and no base fee. */
  public static NetworkProfile legacy(ChainId chainId) {
    return new NetworkProfile(chainId, false, false);
  }
}
