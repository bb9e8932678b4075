package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetaTransactionTypeTest {
  private static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  private static AnvilSigner anvil;

  @BeforeAll
  static void startAnvil() {
    anvil = new AnvilSigner();
  }

  @AfterAll
  static void stopAnvil() {
    anvil.close();
  }

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
    var accounts = anvil.accounts();
    for (int i = 0; i < 8; i++) {
      Sample tx = Sample.random(random, i);

      anvil.assertAgrees(tx.document(), tx.digest(), accounts.get(i % accounts.size()));
    }
  }

  @Test
  void givenBadInputs_whenDigesting_thenTheMessageNamesTheField() {
    byte[] separator = new byte[32];
    byte[] target = new byte[20];

    assertThatThrownBy(
            () ->
                MetaTransactionType.digest(
                    separator, new byte[19], new byte[0], "fast", BigInteger.ONE, BigInteger.ONE))
        .isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith("message.target: ");
    assertThatThrownBy(
            () ->
                MetaTransactionType.digest(
                    separator,
                    target,
                    new byte[0],
                    "fast",
                    BigInteger.ONE.negate(),
                    BigInteger.ONE))
        .hasMessageStartingWith("message.nonce: ");
    assertThatThrownBy(
            () ->
                MetaTransactionType.digest(
                    separator,
                    target,
                    new byte[0],
                    "fast",
                    BigInteger.ONE,
                    MAX_UINT256.add(BigInteger.ONE)))
        .hasMessageStartingWith("message.deadline: ");
    assertThatThrownBy(
            () ->
                MetaTransactionType.digest(
                    separator, target, null, "fast", BigInteger.ONE, BigInteger.ONE))
        .hasMessageStartingWith("message.calldata: ");
    assertThatThrownBy(
            () ->
                MetaTransactionType.digest(
                    new byte[31], target, new byte[0], "fast", BigInteger.ONE, BigInteger.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("domain separator");
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

    TypedData document() {
      return MetaTransactionType.document(domain, target, calldata, gasLevel, nonce, deadline);
    }

    byte[] digest() {
      return MetaTransactionType.digest(
          domain.separator(), target, calldata, gasLevel, nonce, deadline);
    }
  }
}
