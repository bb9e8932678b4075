package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void givenBytes_whenEncoding_thenLowerCaseWithPrefixComesOut() {
    assertThat(Hex.encode(new byte[] {0, (byte) 0xab, 0x7f, (byte) 0xff})).isEqualTo("0x00ab7fff");
    assertThat(Hex.encode(new byte[0])).isEqualTo("0x");
  }

  @Test
  void givenEitherCase_whenDecoding_thenTheSameBytesComeOut() {
    assertThat(Hex.decode("0xAbCd")).isEqualTo(new byte[] {(byte) 0xab, (byte) 0xcd});
    assertThat(Hex.decode("0XABCD")).isEqualTo(Hex.decode("0xabcd"));
    assertThat(Hex.decode("0x")).isEmpty();
  }

  @Test
  void givenMalformedHex_whenDecoding_thenTheMessageSaysWhatIsWrong() {
    assertThatThrownBy(() -> Hex.decode("abcd")).hasMessage("hex string must start with 0x: abcd");
    assertThatThrownBy(() -> Hex.decode("0xabc"))
        .hasMessage("hex string has an odd number of digits (3): 0xabc");
    assertThatThrownBy(() -> Hex.decode("0xa g0"))
        .hasMessage("non-hex character ' ' at index 3: 0xa g0");
    assertThatThrownBy(() -> Hex.decode("0x١٢"))
        .hasMessageStartingWith("non-hex character '١' at index 2");
    assertThatThrownBy(() -> Hex.decode(null)).hasMessage("hex string is null");
  }
}
