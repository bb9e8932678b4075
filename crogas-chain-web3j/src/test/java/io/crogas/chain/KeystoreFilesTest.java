package io.crogas.chain;

import static io.crogas.testkit.AnvilChain.DEV_ADDRESSES;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.testkit.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keystores written here are read by cast 1.7.1, and cast's are read here. */
class KeystoreFilesTest {
  private static final String SECRET = "s3cret-relayer-pw";
  private static final KeystorePassword PASSWORD = KeystorePassword.of(SECRET);
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void givenANewLightKeystore_whenCastReadsIt_thenItFindsTheSameAddress() {
    KeystoreFiles.Written written =
        KeystoreFiles.generate(dir, PASSWORD, KeystoreFiles.Strength.LIGHT);

    assertThat(castAddress(written.file())).isEqualTo(written.address());
    assertThat(KeystoreFiles.address(written.file())).contains(written.address());
    assertThat(written.file().getFileName().toString())
        .startsWith("UTC--")
        .endsWith("--" + written.address().value().substring(2).toLowerCase());
  }

  @Test
  void givenTheDefaultStandardStrength_whenWritten_thenItIsGethsScryptAndCastReadsIt()
      throws IOException {
    KeystoreFiles.Written written =
        KeystoreFiles.generate(dir, PASSWORD, KeystoreFiles.Strength.STANDARD);

    JsonNode kdf = JSON.readTree(written.file().toFile()).path("crypto");
    assertThat(kdf.path("kdf").asText()).isEqualTo("scrypt");
    assertThat(kdf.path("cipher").asText()).isEqualTo("aes-128-ctr");
    assertThat(kdf.path("kdfparams").path("n").asInt()).isEqualTo(262_144);
    assertThat(kdf.path("kdfparams").path("r").asInt()).isEqualTo(8);
    assertThat(castAddress(written.file())).isEqualTo(written.address());
  }

  @Test
  void givenAnExistingKey_whenEncrypted_thenItsAddressReadsWithoutThePasswordAndCastAgrees() {
    KeystoreFiles.Written written =
        KeystoreFiles.encrypt(DEV_KEYS.get(1), dir, PASSWORD, KeystoreFiles.Strength.LIGHT);

    Address dev = Address.parse(DEV_ADDRESSES.get(1));
    assertThat(written.address()).isEqualTo(dev);
    assertThat(KeystoreFiles.address(written.file())).contains(dev);
    assertThat(castAddress(written.file())).isEqualTo(dev);
    assertThat(
            cast(
                "wallet",
                "decrypt-keystore",
                "--keystore-dir",
                dir.toString(),
                written.file().getFileName().toString(),
                "--unsafe-password",
                SECRET))
        .contains(DEV_KEYS.get(1));
  }

  @Test
  void givenAKeystoreMadeByCastWalletNew_whenLoaded_thenThePoolSignsForCastsAddress() {
    String output = cast("wallet", "new", dir.toString(), "fresh", "--unsafe-password", SECRET);
    Address castSays = firstAddress(output);
    Path file = dir.resolve("fresh");

    KeystoreRelayerSigner pool =
        KeystoreRelayerSigner.fromKeystores(List.of(file), PASSWORD, Clock.systemUTC());

    assertThat(pool.addresses()).containsExactly(castSays);
    // cast leaves out the optional address field: only the password tells.
    assertThat(KeystoreFiles.address(file)).isEmpty();
  }

  @Test
  void givenAKeyImportedByCast_whenLoaded_thenItIsTheImportedAccount() {
    cast(
        "wallet",
        "import",
        "relayer",
        "--keystore-dir",
        dir.toString(),
        "--private-key",
        DEV_KEYS.get(2),
        "--unsafe-password",
        SECRET);

    KeystoreRelayerSigner pool =
        KeystoreRelayerSigner.fromKeystores(
            List.of(dir.resolve("relayer")), PASSWORD, Clock.systemUTC());

    assertThat(pool.addresses()).containsExactly(Address.parse(DEV_ADDRESSES.get(2)));
  }

  @Test
  void givenTheWrongPassword_whenDecrypting_thenTheErrorNamesTheFileButNoSecret() {
    KeystoreFiles.Written written =
        KeystoreFiles.encrypt(DEV_KEYS.get(1), dir, PASSWORD, KeystoreFiles.Strength.LIGHT);

    assertThatThrownBy(() -> KeystoreFiles.decrypt(written.file(), KeystorePassword.of("guess")))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining(written.file().toString())
        .hasMessageContaining("wrong password")
        .hasNoCause()
        .message()
        .doesNotContain("guess", SECRET, DEV_KEYS.get(1).substring(2));
  }

  @Test
  void givenAFileDeclaringAnotherAddress_whenDecrypting_thenItIsRefused() throws IOException {
    KeystoreFiles.Written written =
        KeystoreFiles.encrypt(DEV_KEYS.get(1), dir, PASSWORD, KeystoreFiles.Strength.LIGHT);
    ObjectNode json = (ObjectNode) JSON.readTree(written.file().toFile());
    json.put("address", DEV_ADDRESSES.get(2).substring(2).toLowerCase());
    Files.writeString(written.file(), json.toString());

    assertThatThrownBy(() -> KeystoreFiles.decrypt(written.file(), PASSWORD))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("declares address " + DEV_ADDRESSES.get(2));
  }

  @Test
  void givenAWrittenKeystore_whenListed_thenOnlyTheOwnerCanReadIt() throws IOException {
    KeystoreFiles.Written written =
        KeystoreFiles.generate(dir, PASSWORD, KeystoreFiles.Strength.LIGHT);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.file())))
        .isEqualTo("rw-------");
  }

  @Test
  void givenSomethingThatIsNoPrivateKey_whenEncrypting_thenTheRefusalDoesNotRepeatIt() {
    String almost = DEV_KEYS.get(1).substring(0, 60);

    assertThatThrownBy(
            () -> KeystoreFiles.encrypt(almost, dir, PASSWORD, KeystoreFiles.Strength.LIGHT))
        .isInstanceOf(KeystoreException.class)
        .message()
        .doesNotContain(almost.substring(2));
    assertThatThrownBy(
            () ->
                KeystoreFiles.encrypt(
                    "0x" + "00".repeat(32), dir, PASSWORD, KeystoreFiles.Strength.LIGHT))
        .hasMessageContaining("outside the secp256k1 range");
  }

  private static Address castAddress(Path keystore) {
    return firstAddress(
        cast("wallet", "address", "--keystore", keystore.toString(), "--password", SECRET));
  }

  private static Address firstAddress(String output) {
    Matcher matcher = ADDRESS.matcher(output);
    assertThat(matcher.find()).as("an address in: %s", output).isTrue();
    return Address.parse(matcher.group().toLowerCase());
  }

  private static String cast(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Toolchain.bin("cast").toString());
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("cast did not finish: " + command);
      }
      assertThat(process.exitValue()).as("cast %s said: %s", command, output).isZero();
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run cast", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
