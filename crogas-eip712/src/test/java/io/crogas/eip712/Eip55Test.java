package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Eip55Test {
  /** The mixed-case test vectors of EIP-55 itself. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void givenTheEip55Vectors_whenChecksummingTheirBytes_thenTheyAreReproduced(String address) {
    assertThat(Eip55.isValid(address)).isTrue();
    assertThat(Eip55.checksum(Eip55.parse(address))).isEqualTo(address);
  }

  /** EIP-55's all-caps and all-lower vectors: valid without a checksum to check. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26"
      })
  void givenASingleCaseAddress_whenValidating_thenItIsAccepted(String address) {
    assertThat(Eip55.isValid(address)).isTrue();
    assertThat(Eip55.checksum(Eip55.parse(address))).isEqualToIgnoringCase(address);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD | address fails its EIP-55 checksum:"
            + " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD (expected"
            + " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed)",
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed | address must start with 0x:"
            + " 5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA | address must be 0x and 40 hex digits, got 38"
            + " digits: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeG | address has a non-hex character 'G' at"
            + " index 41: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeG"
      })
  void givenAMalformedAddress_whenParsing_thenTheMessageSaysExactlyWhy(
      String address, String message) {
    assertThat(Eip55.isValid(address)).isFalse();
    assertThatThrownBy(() -> Eip55.parse(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 19, 21, 32})
  void givenBytesThatAreNotAnAddress_whenChecksumming_thenItIsRefused(int length) {
    assertThatThrownBy(() -> Eip55.checksum(new byte[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an address is 20 bytes, got " + length);
  }
}
