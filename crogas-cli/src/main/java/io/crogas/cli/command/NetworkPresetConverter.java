package io.crogas.cli.command;

import io.crogas.cli.chain.NetworkPreset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code cronos-mainnet}, {@code cronos-testnet} or {@code dev}, in any case. */
final class NetworkPresetConverter implements ITypeConverter<NetworkPreset> {
  @Override
  public NetworkPreset convert(String value) {
    return NetworkPreset.named(value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "expected cronos-mainnet, cronos-testnet or dev: " + value));
  }
}
