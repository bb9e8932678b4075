package io.crogas.cli.serve;

import io.crogas.cli.chain.NetworkPreset;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import java.util.Optional;

/**
 * Which chain {@code serve} relays on: named by a preset ({@code CROGAS_NETWORK}), whose RPC, chain
 * id, USDC and explorer each setting may override, or spelled out setting by setting. A chain id
 * that contradicts the named network is refused rather than guessed at.
 */
record NetworkSettings(
    Optional<NetworkPreset> preset,
    String rpcUrl,
    long chainId,
    Address usdc,
    Optional<String> explorerTxUrl) {

  /** The value of {@code CROGAS_EXPLORER_TX_URL} that turns explorer links off. */
  static final String NO_EXPLORER = "none";

  static Optional<NetworkSettings> read(SettingsReader in) {
    var preset = in.ifSet(Setting.NETWORK, NetworkSettings::preset);
    if (in.raw(Setting.NETWORK).isPresent() && preset.isEmpty()) {
      return Optional.empty(); // named a network that does not exist: already a problem
    }
    var rpcUrl =
        preset.isPresent()
            ? in.optional(Setting.RPC_URL, preset.get().rpcUrl(), SettingParsers::httpUrl)
            : in.required(Setting.RPC_URL, SettingParsers::httpUrl);
    var chainId =
        preset.isPresent()
            ? in.optional(
                Setting.CHAIN_ID,
                Long.toString(preset.get().chainId().value()),
                SettingParsers.integer(1, Long.MAX_VALUE))
            : in.required(Setting.CHAIN_ID, SettingParsers.integer(1, Long.MAX_VALUE));
    var usdc =
        preset.flatMap(NetworkPreset::usdc).isPresent()
            ? in.optional(Setting.USDC, preset.get().usdc().orElseThrow().value(), Address::parse)
            : in.required(Setting.USDC, Address::parse);
    var explorer = in.ifSet(Setting.EXPLORER_TX_URL, NetworkSettings::explorer);
    if (preset.isPresent()
        && chainId.isPresent()
        && chainId.get() != preset.get().chainId().value()) {
      in.problem(
          Setting.CHAIN_ID.label()
              + ": "
              + preset.get().label()
              + " is chain "
              + preset.get().chainId().value()
              + ", not "
              + chainId.get());
      return Optional.empty();
    }
    if (rpcUrl.isEmpty() || chainId.isEmpty() || usdc.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> explorerTxUrl =
        in.raw(Setting.EXPLORER_TX_URL).isPresent()
            ? explorer.orElse(Optional.empty())
            : preset
                .map(NetworkPreset::explorerTxUrl)
                .orElseGet(() -> NetworkPreset.explorerFor(new ChainId(chainId.get())));
    return Optional.of(
        new NetworkSettings(preset, rpcUrl.get(), chainId.get(), usdc.get(), explorerTxUrl));
  }

  private static NetworkPreset preset(String text) {
    return NetworkPreset.named(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected cronos-mainnet, cronos-testnet or dev, got " + text));
  }

  private static Optional<String> explorer(String text) {
    if (text.strip().equalsIgnoreCase(NO_EXPLORER)) {
      return Optional.empty();
    }
    String url = SettingParsers.httpUrl(text.strip());
    return Optional.of(url.endsWith("/") ? url : url + "/");
  }
}
