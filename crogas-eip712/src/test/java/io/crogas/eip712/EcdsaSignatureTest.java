package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EcdsaSignatureTest {
  @Test
  void givenASignature_whenSerialised_thenItIsRThenSThenVIn65Bytes() {
    EcdsaSignature signature = new EcdsaSignature(BigInteger.ONE, BigInteger.TWO, 28);

    byte[] bytes = signature.toBytes();

    assertThat(bytes).hasSize(65);
    assertThat(bytes[31]).isEqualTo((byte) 1);
    assertThat(bytes[63]).isEqualTo((byte) 2);
    assertThat(bytes[64]).isEqualTo((byte) 28);
    assertThat(signature.toHex()).isEqualTo(Hex.encode(bytes));
  }

  @Test
  void givenBytesWithVZeroOrOne_whenRead_thenVIsNormalisedTo27Or28() {
    byte[] bytes = new EcdsaSignature(BigInteger.TEN, BigInteger.TEN, 27).toBytes();
    bytes[64] = 1;

    assertThat(EcdsaSignature.fromBytes(bytes))
        .isEqualTo(new EcdsaSignature(BigInteger.TEN, BigInteger.TEN, 28));
  }

  @Test
  void givenInvalidParts_whenConstructing_thenTheyAreRefused() {
    assertThatThrownBy(() -> new EcdsaSignature(BigInteger.ONE, BigInteger.ONE, 1))
        .hasMessage("v must be 27 or 28, got 1");
    assertThatThrownBy(() -> new EcdsaSignature(BigInteger.ONE.negate(), BigInteger.ONE, 27))
        .hasMessageStartingWith("r must be a 256-bit unsigned integer");
    assertThatThrownBy(() -> new EcdsaSignature(BigInteger.ONE, BigInteger.TWO.pow(256), 27))
        .hasMessageStartingWith("s must be a 256-bit unsigned integer");
    assertThatThrownBy(() -> EcdsaSignature.fromBytes(new byte[64]))
        .hasMessage("a signature is 65 bytes, got 64");
  }
}
