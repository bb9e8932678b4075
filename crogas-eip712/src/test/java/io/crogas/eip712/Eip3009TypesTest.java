package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class Eip3009TypesTest {
  private static final Eip712Domain USDC =
      new Eip712Domain(
          "Bridged USDC (Stargate)",
          "1",
          BigInteger.valueOf(25),
          Hex.decode("0xc21223249ca28397b4b6541dffaecc539bff0c59"),
          null);

  @RegisterExtension static final AnvilSigner anvil = new AnvilSigner();

  @Test
  void givenTheDocuments_whenEncodingTheirTypes_thenTheyAreTheEip3009Types() {
    Authorization a = Authorization.random(new Random(1));

    assertThat(encodedType(a.transferDocument()))
        .isEqualTo(Eip3009Types.TRANSFER_WITH_AUTHORIZATION);
    assertThat(encodedType(a.receiveDocument())).isEqualTo(Eip3009Types.RECEIVE_WITH_AUTHORIZATION);
    assertThat(encodedType(a.cancelDocument())).isEqualTo(Eip3009Types.CANCEL_AUTHORIZATION);
  }

  @Test
  void givenSeededAuthorizations_whenDigestingFast_thenTheGenericDigestsAgree() {
    Random random = new Random(2);
    for (int i = 0; i < 40; i++) {
      Authorization a = Authorization.random(random);

      assertThat(a.transferDigest()).isEqualTo(TypedDataEncoder.digest(a.transferDocument()));
      assertThat(a.receiveDigest()).isEqualTo(TypedDataEncoder.digest(a.receiveDocument()));
      assertThat(a.cancelDigest()).isEqualTo(TypedDataEncoder.digest(a.cancelDocument()));
      assertThat(a.transferDigest()).isNotEqualTo(a.receiveDigest());
    }
  }

  @Test
  void givenSeededAuthorizations_whenAnvilSigns_thenTheFastDigestsRecoverTheSigner() {
    Random random = new Random(3);
    for (int i = 0; i < 4; i++) {
      Authorization a = Authorization.random(random);
      AnvilSigner.Account account = anvil.account(i);

      anvil.assertAgrees(a.transferDocument(), a.transferDigest(), account);
      anvil.assertAgrees(a.receiveDocument(), a.receiveDigest(), account);
      anvil.assertAgrees(a.cancelDocument(), a.cancelDigest(), account);
    }
  }

  @Test
  void givenANonceThatIsNot32Bytes_whenDigesting_thenTheMessageNamesTheNonce() {
    assertThatThrownBy(
            () ->
                Eip3009Types.cancelAuthorizationDigest(
                    USDC.separator(), new byte[20], new byte[31]))
        .isInstanceOf(TypedDataException.class)
        .hasMessage("message.nonce: bytes32 needs exactly 32 bytes, got 31");
  }

  private static String encodedType(TypedData document) {
    return TypedDataEncoder.encodeType(document.types(), document.primaryType());
  }

  private record Authorization(
      byte[] from,
      byte[] to,
      BigInteger value,
      BigInteger validAfter,
      BigInteger validBefore,
      byte[] nonce) {

    static Authorization random(Random random) {
      return new Authorization(
          bytes(random, 20),
          bytes(random, 20),
          new BigInteger(random.nextInt(257), random),
          BigInteger.valueOf(random.nextInt(1_000_000)),
          new BigInteger(random.nextBoolean() ? 256 : 48, random),
          bytes(random, 32));
    }

    private static byte[] bytes(Random random, int length) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      return bytes;
    }

    byte[] transferDigest() {
      return Eip3009Types.transferWithAuthorizationDigest(
          USDC.separator(), from, to, value, validAfter, validBefore, nonce);
    }

    byte[] receiveDigest() {
      return Eip3009Types.receiveWithAuthorizationDigest(
          USDC.separator(), from, to, value, validAfter, validBefore, nonce);
    }

    byte[] cancelDigest() {
      return Eip3009Types.cancelAuthorizationDigest(USDC.separator(), from, nonce);
    }

    TypedData transferDocument() {
      return Eip3009Types.transferWithAuthorization(
          USDC, from, to, value, validAfter, validBefore, nonce);
    }

    TypedData receiveDocument() {
      return Eip3009Types.receiveWithAuthorization(
          USDC, from, to, value, validAfter, validBefore, nonce);
    }

    TypedData cancelDocument() {
      return Eip3009Types.cancelAuthorization(USDC, from, nonce);
    }
  }
}
