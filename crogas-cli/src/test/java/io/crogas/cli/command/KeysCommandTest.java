package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.testkit.AnvilChain;
import io.crogas.testkit.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
  private static final Map<String, String> ENV = Map.of("PW", "correct horse");
  @TempDir Path dir;

  @Test
  void givenAPasswordVariable_whenGenerating_thenCastReadsTheKeystoreAndTheAddressMatches()
      throws Exception {
    CliRun run =
        CliRun.of(
            ENV,
            "keys",
            "generate",
            "--out",
            dir.toString(),
            "--password-env",
            "PW",
            "--light",
            "--json");

    assertThat(run.code()).isZero();
    JsonNode result = new ObjectMapper().readTree(run.out());
    Path file = Path.of(result.get("file").asText());
    assertThat(file).exists().hasParent(dir);
    Path password = Files.writeString(dir.resolve("pw.txt"), "correct horse\n");
    assertThat(
            cast(
                "wallet",
                "address",
                "--keystore",
                file.toString(),
                "--password-file",
                password.toString()))
        .isEqualToIgnoringCase(result.get("address").asText());
  }

  @Test
  void givenAPrivateKeyInTheEnvironment_whenEncrypting_thenTheFileHoldsThatAccount() {
    Map<String, String> env = Map.of("PW", "pw", "KEY", AnvilChain.DEV_KEYS.get(1));

    CliRun run = encrypt(env, "--light");
    CliRun address = CliRun.of(env, "keys", "address", onlyFile().toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains(AnvilChain.DEV_ADDRESSES.get(1)).doesNotContain("59c6995e");
    assertThat(address.out().strip()).isEqualTo(AnvilChain.DEV_ADDRESSES.get(1));
  }

  @Test
  void givenAKeystoreWithoutAnAddressField_whenAskedItsAddress_thenDecryptingWithThePasswordTells()
      throws IOException {
    CliRun.of(ENV, "keys", "generate", "--out", dir.toString(), "--password-env", "PW", "--light");
    Path file = onlyFile();
    ObjectMapper json = new ObjectMapper();
    var document = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
    String address = document.remove("address").asText();
    Path castLike =
        Files.writeString(dir.resolve("cast-like.json"), json.writeValueAsString(document));

    CliRun withoutPassword = CliRun.of(ENV, "keys", "address", castLike.toString());
    CliRun withPassword =
        CliRun.of(ENV, "keys", "address", castLike.toString(), "--password-env", "PW");

    assertThat(withoutPassword.code()).isEqualTo(1);
    assertThat(withoutPassword.err()).contains("does not declare its address", "--password-env");
    assertThat(withPassword.code()).isZero();
    assertThat(withPassword.out().strip()).isEqualToIgnoringCase("0x" + address);
  }

  @Test
  void givenBadInput_whenRunningKeysCommands_thenClearMessageNonZeroExitAndNoFile() {
    CliRun noPassword = CliRun.of(ENV, "keys", "generate", "--out", dir.toString());
    CliRun unsetVariable =
        CliRun.of(ENV, "keys", "generate", "--out", dir.toString(), "--password-env", "NOPE");
    CliRun keyAsArgument =
        CliRun.of(ENV, "keys", "encrypt", "--out", dir.toString(), "--password-env", "PW", "0xabc");
    CliRun unsetKey =
        CliRun.of(
            ENV,
            "keys",
            "encrypt",
            "--private-key-env",
            "NOKEY",
            "--out",
            dir.toString(),
            "--password-env",
            "PW");
    CliRun badKey = encrypt(Map.of("PW", "pw", "KEY", "0x1234"));
    CliRun missingFile = CliRun.of(ENV, "keys", "address", dir.resolve("missing").toString());

    assertThat(noPassword.code()).isEqualTo(2);
    assertThat(noPassword.err()).contains("--password-env", "--password-file");
    assertThat(unsetVariable.code()).isEqualTo(1);
    assertThat(unsetVariable.err()).contains("NOPE is not set");
    assertThat(keyAsArgument.code()).isEqualTo(2);
    assertThat(unsetKey.code()).isEqualTo(1);
    assertThat(unsetKey.err()).contains("NOKEY");
    assertThat(badKey.code()).isEqualTo(1);
    assertThat(badKey.err()).contains("64 hex digits").doesNotContain("1234");
    assertThat(missingFile.code()).isEqualTo(1);
    assertThat(dir).isEmptyDirectory();
  }

  /** {@code keys encrypt} of the key in KEY with the password in PW into {@link #dir}. */
  private CliRun encrypt(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "keys",
                "encrypt",
                "--private-key-env",
                "KEY",
                "--out",
                dir.toString(),
                "--password-env",
                "PW"));
    args.addAll(List.of(extra));
    return CliRun.of(env, args.toArray(String[]::new));
  }

  private Path onlyFile() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("UTC--"))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String cast(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(Toolchain.bin("cast").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output.strip();
  }
}
