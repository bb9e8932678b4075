package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SignatureRecoveryTest {
  private static final JsonNode MAIL = Golden.json("mail-expected.json");
  private static final byte[] MAIL_DIGEST = Golden.hex(MAIL, "digest");
  private static final Recovery COW =
      new Recovery.Recovered(Eip55.parse(MAIL.get("signerAddress").textValue()));

  @Test
  void givenNoOtherBackendOnTheClassPath_whenAskingForTheActiveOne_thenItIsBouncyCastle() {
    assertThat(SignatureRecovery.active().backend()).isEqualTo("BouncyCastle (pure Java)");
    assertThat(SignatureRecovery.active()).isSameAs(SignatureRecovery.bouncyCastle());
  }

  @Test
  void givenBackendsThatFailToLoad_whenChoosing_thenBouncyCastleIsChosen() {
    Supplier<RecoveryBackend> missingLibrary =
        () -> {
          throw new UnsatisfiedLinkError("no secp256k1-jni in java.library.path");
        };
    Supplier<RecoveryBackend> brokenProvider =
        () -> {
          throw new ServiceConfigurationError("Provider could not be instantiated");
        };

    SignatureRecovery chosen = SignatureRecovery.choose(List.of(missingLibrary, brokenProvider));

    assertThat(chosen).isSameAs(SignatureRecovery.bouncyCastle());
  }

  @Test
  void givenABackendThatRecoversTheWrongSigner_whenChoosing_thenItIsNotUsed() {
    RecoveryBackend wrong = new TestBackend("wrong", (d, rs, id) -> Optional.of(wrongKey()));

    assertThat(SignatureRecovery.choose(List.of(() -> wrong)))
        .isSameAs(SignatureRecovery.bouncyCastle());
  }

  @Test
  void givenABackendThatLoadsButFailsOnFirstUse_whenChoosing_thenItIsNotUsed() {
    RecoveryBackend unlinked =
        new TestBackend(
            "unlinked",
            (d, rs, id) -> {
              throw new UnsatisfiedLinkError("secp256k1_context_create");
            });

    assertThat(SignatureRecovery.choose(List.of(() -> unlinked)))
        .isSameAs(SignatureRecovery.bouncyCastle());
  }

  @Test
  void givenAFailingThenAWorkingBackend_whenChoosing_thenTheWorkingOneIsChosen() {
    Supplier<RecoveryBackend> failing =
        () -> {
          throw new IllegalStateException("No native library found");
        };
    RecoveryBackend working = new TestBackend("fast", new BouncyCastleRecovery()::recoverPublicKey);

    SignatureRecovery chosen = SignatureRecovery.choose(List.of(failing, () -> working));

    assertThat(chosen.backend()).isEqualTo("fast");
    assertThat(chosen.recover(MAIL_DIGEST, mailSignature())).isEqualTo(COW);
  }

  @Test
  void givenSignaturesThatBreakARule_whenRecovering_thenTheBackendIsNeverAsked() {
    List<byte[]> asked = new ArrayList<>();
    SignatureRecovery recovery =
        SignatureRecovery.using(
            new TestBackend(
                "recording",
                (d, rs, id) -> {
                  asked.add(rs);
                  return Optional.empty();
                }));
    byte[] highS = mailSignature();
    BigInteger s = new BigInteger(1, highS, 32, 32);
    Words.putInteger(Secp256k1.N.subtract(s), highS, 32);
    byte[] badV = mailSignature();
    badV[64] = 29;
    byte[] zeroR = mailSignature();
    Words.putInteger(BigInteger.ZERO, zeroR, 0);

    assertThat(fault(recovery, highS)).isEqualTo(SignatureFault.HIGH_S);
    assertThat(fault(recovery, badV)).isEqualTo(SignatureFault.BAD_V);
    assertThat(fault(recovery, zeroR)).isEqualTo(SignatureFault.R_OUT_OF_RANGE);
    assertThat(fault(recovery, new byte[64])).isEqualTo(SignatureFault.WRONG_LENGTH);
    assertThat(asked).isEmpty();
    assertThat(fault(recovery, mailSignature())).isEqualTo(SignatureFault.NOT_RECOVERABLE);
    assertThat(asked).hasSize(1);
  }

  @Test
  void givenABackendThatReturnsNoUncompressedKey_whenRecovering_thenItIsABug() {
    SignatureRecovery recovery =
        SignatureRecovery.using(
            new TestBackend("compressed", (d, rs, id) -> Optional.of(new byte[33])));

    assertThatThrownBy(() -> recovery.recover(MAIL_DIGEST, mailSignature()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static SignatureFault fault(SignatureRecovery recovery, byte[] signature) {
    Recovery outcome = recovery.recover(MAIL_DIGEST, signature);
    assertThat(outcome).isInstanceOf(Recovery.Rejected.class);
    return ((Recovery.Rejected) outcome).fault();
  }

  private static byte[] mailSignature() {
    return Golden.signature(MAIL);
  }

  private static byte[] wrongKey() {
    return Secp256k1.G.multiply(BigInteger.TWO).normalize().getEncoded(false);
  }

  /** A test backend: a name and a recovery function. */
  private record TestBackend(String name, Recover recover) implements RecoveryBackend {
    @Override
    public Optional<byte[]> recoverPublicKey(byte[] digest32, byte[] rs64, int recoveryId) {
      return recover.apply(digest32, rs64, recoveryId);
    }
  }

  @FunctionalInterface
  private interface Recover {
    Optional<byte[]> apply(byte[] digest32, byte[] rs64, int recoveryId);
  }
}
