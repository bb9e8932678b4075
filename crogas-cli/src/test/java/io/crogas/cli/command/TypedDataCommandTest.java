package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.chain.KeystoreFiles;
import io.crogas.chain.KeystorePassword;
import io.crogas.eip712.Hex;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.eip712.TypedDataJson;
import io.crogas.testkit.AnvilChain;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedDataCommandTest {
  private static final String MAIL_DIGEST =
      "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";
  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(TypedDataCommandTest.class.getResource("/typed-data/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encoderDigest(Path file) throws IOException {
    return Hex.encode(TypedDataEncoder.digest(TypedDataJson.parse(Files.readString(file))));
  }

  @Test
  void givenSeveralFiles_whenHashed_thenOneDigestPerLineInOrderMatchingTheEncoderAndTheSpec()
      throws IOException {
    Path mail = resource("mail.json");
    Path wallets = resource("wallets.json");

    CliRun run =
        CliRun.of("typed-data", "hash", wallets.toString(), mail.toString(), wallets.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out().lines())
        .containsExactly(encoderDigest(wallets), MAIL_DIGEST, encoderDigest(wallets));
    assertThat(encoderDigest(mail)).isEqualTo(MAIL_DIGEST);
  }

  @Test
  void givenJson_whenHashed_thenFileAndDigestPairs() {
    CliRun run = CliRun.of("typed-data", "hash", "--json", resource("mail.json").toString());

    assertThat(run.out().strip())
        .isEqualTo(
            "[{\"file\":\"" + resource("mail.json") + "\",\"digest\":\"" + MAIL_DIGEST + "\"}]");
  }

  @Test
  void givenAKeystore_whenSigningAndRecovering_thenTheSignerIsTheKeystoreAccount() {
    Map<String, String> env = Map.of("PW", "pw");
    String keystore =
        KeystoreFiles.encrypt(
                AnvilChain.DEV_KEYS.get(2),
                dir,
                KeystorePassword.of("pw"),
                KeystoreFiles.Strength.LIGHT)
            .file()
            .toString();
    String mail = resource("mail.json").toString();

    CliRun signed =
        CliRun.of(env, "typed-data", "sign", mail, "--keystore", keystore, "--password-env", "PW");
    CliRun recovered =
        CliRun.of("typed-data", "recover", mail, "--signature", signed.out().strip());

    assertThat(signed.code()).isZero();
    assertThat(signed.out().strip()).matches("0x[0-9a-f]{130}");
    assertThat(recovered.code()).isZero();
    assertThat(recovered.out().strip()).isEqualTo(AnvilChain.DEV_ADDRESSES.get(2));
  }

  @Test
  void givenBadInput_whenRunningTypedDataCommands_thenClearMessageAndNonZeroExit()
      throws IOException {
    Path malformed =
        Files.writeString(dir.resolve("bad.json"), "{\"types\": {}, \"primaryType\": \"Mail\"}");
    String mail = resource("mail.json").toString();
    String highS = "0x" + "11".repeat(32) + "ff".repeat(32) + "1b";

    CliRun noFiles = CliRun.of("typed-data", "hash");
    CliRun missing = CliRun.of("typed-data", "hash", mail, dir.resolve("missing.json").toString());
    CliRun bad = CliRun.of("typed-data", "hash", malformed.toString());
    CliRun shortSignature = CliRun.of("typed-data", "recover", mail, "--signature", "0x1234");
    CliRun malleable = CliRun.of("typed-data", "recover", mail, "--signature", highS);
    CliRun wrongPassword =
        CliRun.of(
            Map.of("PW", "s3cr3t-value"),
            "typed-data",
            "sign",
            mail,
            "--keystore",
            malformed.toString(),
            "--password-env",
            "PW");

    assertThat(noFiles.code()).isEqualTo(2);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("missing.json");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("bad.json", "domain");
    assertThat(shortSignature.code()).isEqualTo(2);
    assertThat(malleable.code()).isEqualTo(1);
    assertThat(malleable.err()).contains("not valid");
    assertThat(wrongPassword.code()).isEqualTo(1);
    assertThat(wrongPassword.err()).contains("bad.json").doesNotContain("s3cr3t");
  }
}
