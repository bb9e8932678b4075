package io.crogas.cli.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The networks CroGas knows by name ({@code --network}, {@code CROGAS_NETWORK}): chain id, a public
 * RPC, the bridged USDC token and the explorer, so an operator does not look them up by hand. The
 * token's EIP-712 name and version are never taken from here: they are read from the chain (USDC.e
 * and devUSDC.e differ).
 */
public enum NetworkPreset {
  CRONOS_MAINNET(
      "cronos-mainnet",
      ChainId.CRONOS_MAINNET,
      "https://evm.cronos.org",
      Optional.of(Address.parse("0xf951eC28187D9E5Ca673Da8FE6757E6f0Be5F77C")),
      Optional.of("https://explorer.cronos.org/tx/")),
  CRONOS_TESTNET(
      "cronos-testnet",
      ChainId.CRONOS_TESTNET,
      "https://evm-t3.cronos.org",
      Optional.of(Address.parse("0xc01efAaF7C5C61bEbFAeb358E1161b537b8bC0e0")),
      Optional.of("https://explorer.cronos.org/testnet/tx/")),
  /** A local anvil as {@code crogas dev} runs it: the test USDC is deployed there, no explorer. */
  DEV("dev", ChainId.CRONOS_TESTNET, "http://127.0.0.1:8545", Optional.empty(), Optional.empty());

  private final String label;
  private final ChainId chainId;
  private final String rpcUrl;
  private final Optional<Address> usdc;
  private final Optional<String> explorerTxUrl;

  NetworkPreset(
      String label,
      ChainId chainId,
      String rpcUrl,
      Optional<Address> usdc,
      Optional<String> explorerTxUrl) {
    this.label = label;
    this.chainId = chainId;
    this.rpcUrl = rpcUrl;
    this.usdc = usdc;
    this.explorerTxUrl = explorerTxUrl;
  }

  public static Optional<NetworkPreset> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(preset -> preset.label.equals(wanted)).findFirst();
  }

  /**
   * The explorer page a transaction hash is appended to on a chain named only by its id: Cronos'
   * for mainnet and testnet, none for others.
   */
  public static Optional<String> explorerFor(ChainId chainId) {
    if (chainId.equals(ChainId.CRONOS_MAINNET)) {
      return CRONOS_MAINNET.explorerTxUrl;
    }
    return chainId.equals(ChainId.CRONOS_TESTNET) ? CRONOS_TESTNET.explorerTxUrl : Optional.empty();
  }

  public String label() {
    return label;
  }

  public ChainId chainId() {
    return chainId;
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  /** The bridged USDC the network's x402 payments use; none on a dev chain (deployed there). */
  public Optional<Address> usdc() {
    return usdc;
  }

  public Optional<String> explorerTxUrl() {
    return explorerTxUrl;
  }
}
