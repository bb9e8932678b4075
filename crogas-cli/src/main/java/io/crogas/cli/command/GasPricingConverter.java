package io.crogas.cli.command;

import io.crogas.cli.chain.GasPricing;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code cronos}, {@code eip1559} or {@code legacy}, in any case. */
final class GasPricingConverter implements ITypeConverter<GasPricing> {
  @Override
  public GasPricing convert(String value) {
    return GasPricing.named(value)
        .orElseThrow(
            () -> new TypeConversionException("expected cronos, eip1559 or legacy: " + value));
  }
}
