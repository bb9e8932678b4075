package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetaTransactionTypeTest {
  private static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  @RegisterExtension static final AnvilSigner anvil = new AnvilSigner();

  @Test
  void givenTheDocumentTypes_whenEncodingTheType_thenItIsTheForwardersType() {
    TypedData document = sample(new Random(1));

    assertThat(TypedDataEncoder.encodeType(document.types(), document.primaryType()))
        .isEqualTo(MetaTransactionType.ENCODED_TYPE);
  }

  @Test
  void givenSeededMetaTransactions_whenDigestingFast_thenTheGenericDigestAndStructHashAgree() {
    Random random = new Random(2);
    for (int i = 0; i < 50; i++) {
      Sample tx = Sample.random(random, i);
      TypedData document = tx.document();

      assertThat(tx.digest()).isEqualTo(TypedDataEncoder.digest(document));
      assertThat(
              MetaTransactionType.structHash(
                  tx.target, tx.calldata, tx.gasLevel, tx.nonce, tx.deadline))
          .isEqualTo(TypedDataEncoder.hashStruct(document, "MetaTransaction", document.message()));
    }
  }

  @Test
  void givenSeededMetaTransactions_whenAnvilSigns_thenTheFastDigestRecoversTheSigner() {
    Random random = new Random(3);
    for (int i = 0; i < 8; i++) {
      Sample tx = Sample.random(random, i);

      anvil.assertAgrees(tx.document(), tx.digest(), anvil.account(i));
    }
  }

  @Test
  void givenBadInputs_whenDigesting_thenTheMessageNamesTheField() {
    Sample ok = Sample.random(new Random(4), 1);
    BigInteger tooBig = MAX_UINT256.add(BigInteger.ONE);
    BigInteger minusOne = BigInteger.ONE.negate();

    assertRejected(ok.withTarget(new byte[19]), "message.target: an address is 20 bytes, got 19");
    assertRejected(ok.withCalldata(null), "message.calldata: missing value");
    assertRejected(ok.withGasLevel(null), "message.gasLevel: missing value");
    assertRejected(ok.withNonce(minusOne), "message.nonce: value -1 is out of range for uint256");
    assertRejected(
        ok.withDeadline(tooBig), "message.deadline: value " + tooBig + " is out of range");
    assertThatThrownBy(
            () ->
                MetaTransactionType.digest(
                    new byte[31], ok.target, ok.calldata, ok.gasLevel, ok.nonce, ok.deadline))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a domain separator is 32 bytes, got 31");
  }

  private static void assertRejected(Sample tx, String message) {
    assertThatThrownBy(tx::digest)
        .isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith(message);
  }

  private static TypedData sample(Random random) {
    return Sample.random(random, 0).document();
  }

  private record Sample(
      Eip712Domain domain,
      byte[] target,
      byte[] calldata,
      String gasLevel,
      BigInteger nonce,
      BigInteger deadline) {

    static Sample random(Random random, int i) {
      byte[] contract = new byte[20];
      random.nextBytes(contract);
      byte[] target = new byte[20];
      random.nextBytes(target);
      byte[] calldata = new byte[i % 5 == 0 ? 0 : random.nextInt(400)];
      random.nextBytes(calldata);
      String[] levels = {"slow", "normal", "fast", "", "très rapide ⚡"};
      BigInteger nonce = i % 7 == 0 ? MAX_UINT256 : BigInteger.valueOf(random.nextInt(1000));
      BigInteger deadline = new BigInteger(i % 3 == 0 ? 256 : 40, random);
      return new Sample(
          Eip712Domain.of("CroGas", "1", 338, contract),
          target,
          calldata,
          levels[i % levels.length],
          nonce,
          deadline);
    }

    Sample withTarget(byte[] value) {
      return new Sample(domain, value, calldata, gasLevel, nonce, deadline);
    }

    Sample withCalldata(byte[] value) {
      return new Sample(domain, target, value, gasLevel, nonce, deadline);
    }

    Sample withGasLevel(String value) {
      return new Sample(domain, target, calldata, value, nonce, deadline);
    }

    Sample withNonce(BigInteger value) {
      return new Sample(domain, target, calldata, gasLevel, value, deadline);
    }

    Sample withDeadline(BigInteger value) {
      return new Sample(domain, target, calldata, gasLevel, nonce, value);
    }

    TypedData document() {
      return MetaTransactionType.document(domain, target, calldata, gasLevel, nonce, deadline);
    }

    byte[] digest() {
      return MetaTransactionType.digest(
          domain.separator(), target, calldata, gasLevel, nonce, deadline);
    }
  }
}
