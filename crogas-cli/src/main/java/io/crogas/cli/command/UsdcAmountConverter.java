package io.crogas.cli.command;

import io.crogas.domain.model.TokenAmount;
import picocli.CommandLine;

/** A USDC amount given as a decimal ("0.10"): at most 6 decimal places, not negative. */
final class UsdcAmountConverter implements CommandLine.ITypeConverter<TokenAmount> {
  @Override
  public TokenAmount convert(String value) {
    try {
      return TokenAmount.parseDecimal(value, TokenAmount.USDC_DECIMALS);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
