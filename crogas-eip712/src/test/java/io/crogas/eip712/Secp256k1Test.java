package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.testkit.AnvilChain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Secp256k1Test {
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  private static final JsonNode MAIL = Golden.json("mail-expected.json");
  private static final byte[] MAIL_DIGEST = Golden.hex(MAIL, "digest");
  private static final BigInteger COW_KEY =
      new BigInteger(1, Keccak256.hash("cow".getBytes(StandardCharsets.US_ASCII)));
  private static final String COW_ADDRESS = MAIL.get("signerAddress").textValue();

  @Test
  void givenTheSpecCowKey_whenSigningTheMailDigest_thenThePublishedSignatureComesOut() {
    EcdsaSignature signature = Secp256k1.sign(MAIL_DIGEST, COW_KEY);

    assertThat(signature.v()).isEqualTo(MAIL.get("v").intValue());
    assertThat(signature.r()).isEqualTo(new BigInteger(1, Golden.hex(MAIL, "r")));
    assertThat(signature.s()).isEqualTo(new BigInteger(1, Golden.hex(MAIL, "s")));
  }

  @Test
  void givenTheSpecSignature_whenRecovering_thenTheCowAddressComesOut() {
    Recovery recovery = Secp256k1.recover(MAIL_DIGEST, specSignature());

    assertThat(recovery).isEqualTo(new Recovery.Recovered(Eip55.parse(COW_ADDRESS)));
  }

  @Test
  void givenTheCowKey_whenDerivingItsAddress_thenTheSpecAddressComesOut() {
    assertThat(Eip55.checksum(Secp256k1.address(COW_KEY))).isEqualTo(COW_ADDRESS);
  }

  @Test
  void givenAnvilsFirstDevKey_whenDerivingItsAddress_thenAnvilsFirstAddressComesOut() {
    BigInteger key = new BigInteger(1, Hex.decode(AnvilChain.DEV_KEYS.get(0)));

    assertThat(Eip55.checksum(Secp256k1.address(key))).isEqualTo(AnvilChain.DEV_ADDRESSES.get(0));
  }

  @Test
  void givenRandomDigestsAndKeys_whenSigningAndRecovering_thenTheSignerComesBackWithLowS() {
    Random random = new Random(712);
    for (int i = 0; i < 64; i++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      BigInteger key =
          new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);

      EcdsaSignature signature = Secp256k1.sign(digest, key);

      assertThat(signature.s()).isLessThanOrEqualTo(N.shiftRight(1));
      assertThat(Secp256k1.recover(digest, signature.toBytes()))
          .isEqualTo(new Recovery.Recovered(Secp256k1.address(key)));
    }
  }

  @Test
  void givenTheMalleatedTwinWithHighS_whenRecovering_thenItIsRejectedAsHighS() {
    byte[] signature = specSignature();
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    Words.putInteger(N.subtract(s), signature, 32);
    signature[64] = (byte) (signature[64] == 27 ? 28 : 27);

    assertThat(fault(signature)).isEqualTo(SignatureFault.HIGH_S);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 26, 29, 30, 35, 36, 255})
  void givenVOutsideTheFourAcceptedValues_whenRecovering_thenItIsRejectedAsBadV(int v) {
    byte[] signature = specSignature();
    signature[64] = (byte) v;

    assertThat(fault(signature)).isEqualTo(SignatureFault.BAD_V);
  }

  @Test
  void givenVAsZeroOrOne_whenRecovering_thenTheSameSignerAsWith27Or28ComesOut() {
    byte[] signature = specSignature();
    signature[64] = 1;

    assertThat(Secp256k1.recover(MAIL_DIGEST, signature))
        .isEqualTo(Secp256k1.recover(MAIL_DIGEST, specSignature()))
        .isInstanceOf(Recovery.Recovered.class);
  }

  @Test
  void givenTheOtherParity_whenRecovering_thenADifferentAddressComesOut() {
    byte[] signature = specSignature();
    signature[64] = 27;

    assertThat(Secp256k1.recover(MAIL_DIGEST, signature))
        .isInstanceOf(Recovery.Recovered.class)
        .isNotEqualTo(new Recovery.Recovered(Eip55.parse(COW_ADDRESS)));
  }

  @Test
  void givenROrSOutOfRange_whenRecovering_thenEachIsRejectedWithItsFault() {
    assertThat(fault(withWord(0, BigInteger.ZERO))).isEqualTo(SignatureFault.R_OUT_OF_RANGE);
    assertThat(fault(withWord(0, N))).isEqualTo(SignatureFault.R_OUT_OF_RANGE);
    assertThat(fault(withWord(0, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))))
        .isEqualTo(SignatureFault.R_OUT_OF_RANGE);
    assertThat(fault(withWord(32, BigInteger.ZERO))).isEqualTo(SignatureFault.S_OUT_OF_RANGE);
    assertThat(fault(withWord(32, N))).isEqualTo(SignatureFault.S_OUT_OF_RANGE);
  }

  @Test
  void givenAnRThatIsNoPointsX_whenRecovering_thenItIsNotRecoverable() {
    // 5^3 + 7 = 132 is not a square modulo the field prime.
    assertThat(fault(withWord(0, BigInteger.valueOf(5)))).isEqualTo(SignatureFault.NOT_RECOVERABLE);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 64, 66, 130})
  void givenAWrongLength_whenRecovering_thenItIsRejectedAsWrongLength(int length) {
    byte[] signature = Arrays.copyOf(specSignature(), length);

    assertThat(fault(signature)).isEqualTo(SignatureFault.WRONG_LENGTH);
  }

  @Test
  void givenADigestThatIsNot32Bytes_whenSigningOrRecovering_thenItIsAProgrammingError() {
    assertThatThrownBy(() -> Secp256k1.sign(new byte[31], COW_KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> Secp256k1.recover(new byte[33], specSignature()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAPrivateKeyOutOfRange_whenSigning_thenItIsRefused() {
    assertThatThrownBy(() -> Secp256k1.sign(MAIL_DIGEST, BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secp256k1.address(N)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] specSignature() {
    return Golden.signature(MAIL);
  }

  private static byte[] withWord(int offset, BigInteger value) {
    byte[] signature = specSignature();
    byte[] word = new byte[32];
    byte[] bytes = value.toByteArray();
    int len = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - len, word, 32 - len, len);
    System.arraycopy(word, 0, signature, offset, 32);
    return signature;
  }

  private static SignatureFault fault(byte[] signature) {
    Recovery recovery = Secp256k1.recover(MAIL_DIGEST, signature);
    assertThat(recovery).isInstanceOf(Recovery.Rejected.class);
    return ((Recovery.Rejected) recovery).fault();
  }
}
