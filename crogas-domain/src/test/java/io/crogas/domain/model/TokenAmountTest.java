package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TokenAmountTest {
  @Test
  void givenMoreDecimalsThanTheToken_whenParsed_thenRefused() {
    assertThatThrownBy(() -> TokenAmount.parseDecimal("0.0000001", 6))
        .hasMessageContaining("6 decimal places");
  }

  @Test
  void givenANegativeOrGarbageAmount_whenParsed_thenRefused() {
    assertThatThrownBy(() -> TokenAmount.parseDecimal("-1", 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenAmount.parseDecimal("1e", 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenAmount.usdc(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenADecimal_whenParsed_thenExactAtomicUnits() {
    assertThat(TokenAmount.parseDecimal("0.39466", 6).atomic())
        .isEqualTo(BigInteger.valueOf(394_660));
    assertThat(TokenAmount.parseDecimal("1.500000", 6).toDecimalString()).isEqualTo("1.500000");
  }

  @Test
  void givenDifferentDecimals_whenAdded_thenRefused() {
    assertThatThrownBy(() -> TokenAmount.usdc(1).plus(new TokenAmount(BigInteger.ONE, 18)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
