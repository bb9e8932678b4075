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
    assertThat(Hex.decode("0x")).isEmpty();
  }

  @Test
  void givenEachPrefixRule_whenDecoding_thenOnlyItsPrefixesAreAccepted() {
    byte[] abcd = {(byte) 0xab, (byte) 0xcd};
    assertThat(Hex.decode("0xabcd", Hex.Prefix.REQUIRED)).isEqualTo(abcd);
    assertThatThrownBy(() -> Hex.decode("0XABCD", Hex.Prefix.REQUIRED))
        .hasMessage("hex string must start with 0x: 0XABCD");
    assertThat(Hex.decode("0XABCD", Hex.Prefix.REQUIRED_EITHER_CASE)).isEqualTo(abcd);
    assertThatThrownBy(() -> Hex.decode("abcd", Hex.Prefix.REQUIRED_EITHER_CASE))
        .hasMessage("hex string must start with 0x: abcd");
    assertThat(Hex.decode("abcd", Hex.Prefix.OPTIONAL)).isEqualTo(abcd);
    assertThat(Hex.decode("0xabcd", Hex.Prefix.OPTIONAL)).isEqualTo(abcd);
    assertThat(Hex.decode("", Hex.Prefix.OPTIONAL)).isEmpty();
    assertThatThrownBy(() -> Hex.decode("0Xabcd", Hex.Prefix.OPTIONAL))
        .hasMessage("hex string must start with 0x or have no prefix: 0Xabcd");
    assertThatThrownBy(() -> Hex.decode("abc", Hex.Prefix.OPTIONAL))
        .hasMessage("hex string has an odd number of digits (3): abc");
  }

  @Test
  void givenTexts_whenAskingForTheirFlaw_thenEachProblemIsNamedWithoutAnException() {
    assertThat(Hex.flaw("0xab", Hex.Prefix.REQUIRED)).isEmpty();
    assertThat(Hex.flaw(null, Hex.Prefix.OPTIONAL)).contains(Hex.Flaw.NULL);
    assertThat(Hex.flaw("ab", Hex.Prefix.REQUIRED)).contains(Hex.Flaw.NO_PREFIX);
    assertThat(Hex.flaw("0xabc", Hex.Prefix.REQUIRED)).contains(Hex.Flaw.ODD_DIGITS);
    assertThat(Hex.flaw("0xzz", Hex.Prefix.REQUIRED)).contains(Hex.Flaw.NON_HEX_CHARACTER);
    assertThat(Hex.flaw("0x0x", Hex.Prefix.OPTIONAL)).contains(Hex.Flaw.NON_HEX_CHARACTER);
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
