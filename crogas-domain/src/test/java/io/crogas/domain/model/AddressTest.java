package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {
  private static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

  @Test
  void givenAMixedCaseTypo_whenParsed_thenRefusedNotCorrected() {
    assertThatThrownBy(() -> Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EIP-55");
  }

  @Test
  void givenTheWrongLengthOrNonHex_whenParsed_thenRefused() {
    assertThatThrownBy(() -> Address.parse("0x1234")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.parse("0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenLowerOrUpperCase_whenParsed_thenTheSameChecksummedValue() {
    assertThat(Address.parse(CHECKSUMMED.toLowerCase(java.util.Locale.ROOT)).value())
        .isEqualTo(CHECKSUMMED);
    assertThat(Address.parse("0x" + CHECKSUMMED.substring(2).toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(Address.parse(CHECKSUMMED));
  }

  @Test
  void givenANonChecksummedValue_whenConstructedDirectly_thenRefused() {
    assertThatThrownBy(() -> new Address(CHECKSUMMED.toLowerCase(java.util.Locale.ROOT)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
