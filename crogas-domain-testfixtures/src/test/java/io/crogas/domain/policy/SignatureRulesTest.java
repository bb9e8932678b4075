package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.Signature;
import io.crogas.eip712.Keccak256;
import io.crogas.testfixtures.Keys;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignatureRulesTest {
  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  private final Keys alice = Keys.of(11);
  private final Hash32 digest =
      Hash32.of(Keccak256.hash("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

  @Test
  void givenAHighSSignature_whenRecovered_thenUnusableBecauseOfS() {
    byte[] sig = alice.sign(digest).bytes();
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    byte[] high = toWord(N.subtract(s));
    System.arraycopy(high, 0, sig, 32, 32);
    sig[64] = (byte) (sig[64] == 27 ? 28 : 27);

    SignatureRules.SignerCheck check = SignatureRules.recover(digest, Signature.of(sig));

    assertThat(check).isInstanceOf(SignatureRules.SignerCheck.Unusable.class);
    assertThat(((SignatureRules.SignerCheck.Unusable) check).reason()).containsIgnoringCase("s");
  }

  @Test
  void givenABadV_whenRecovered_thenUnusable() {
    byte[] sig = alice.sign(digest).bytes();
    sig[64] = 29;

    assertThat(SignatureRules.recover(digest, Signature.of(sig)))
        .isInstanceOf(SignatureRules.SignerCheck.Unusable.class);
  }

  @Test
  void givenAnotherSigner_whenRequired_thenInvalidSignatureNamingTheField() {
    assertThat(
            SignatureRules.requireSigner(
                digest, Keys.of(12).sign(digest), alice.address(), "signature"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.code()).isEqualTo(RejectionCode.INVALID_SIGNATURE);
              assertThat(r.details()).containsKey("signature");
            });
  }

  @Test
  void givenTheRightSigner_whenRequired_thenAccepted() {
    assertThat(
            SignatureRules.requireSigner(digest, alice.sign(digest), alice.address(), "signature"))
        .isEmpty();
  }

  @Test
  void givenVAsZeroOrOne_whenRecovered_thenSameSignerAsTwentySevenOrEight() {
    byte[] sig = alice.sign(digest).bytes();
    sig[64] -= 27;

    assertThat(
            SignatureRules.requireSigner(digest, Signature.of(sig), alice.address(), "signature"))
        .isEmpty();
  }

  @Test
  void givenTheDeadlineSecond_whenChecked_thenStillValidAndOneSecondLaterExpired() {
    Instant now = Instant.ofEpochSecond(1_000);

    assertThat(SignatureRules.requireBefore(BigInteger.valueOf(1_000), now, "deadline")).isEmpty();
    assertThat(SignatureRules.requireBefore(BigInteger.valueOf(999), now, "deadline"))
        .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(RejectionCode.EXPIRED));
  }

  private static byte[] toWord(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] word = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, word, 32 - copy, copy);
    return word;
  }
}
