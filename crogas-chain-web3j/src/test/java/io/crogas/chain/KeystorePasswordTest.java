package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystorePasswordTest {
  private static final String SECRET = "correct horse battery staple";

  @Test
  void givenAPassword_whenPrinted_thenItsContentNeverShows() {
    KeystorePassword password = KeystorePassword.of(SECRET);

    assertThat(password.toString()).isEqualTo("KeystorePassword[redacted]");
    assertThat(String.valueOf(password)).doesNotContain("horse");
    assertThat(password.reveal()).isEqualTo(SECRET);
  }

  @Test
  void givenAnEnvironmentVariable_whenRead_thenItIsThePassword() {
    KeystorePassword password =
        KeystorePassword.fromEnvironment(
            Map.of("CROGAS_KEYSTORE_PASSWORD", SECRET), "CROGAS_KEYSTORE_PASSWORD");

    assertThat(password.reveal()).isEqualTo(SECRET);
  }

  @Test
  void givenAMissingOrEmptyVariable_whenRead_thenTheErrorNamesTheVariableOnly() {
    assertThatThrownBy(() -> KeystorePassword.fromEnvironment(Map.of(), "PW"))
        .isInstanceOf(KeystoreException.class)
        .hasMessage("the environment variable PW is not set");
    assertThatThrownBy(() -> KeystorePassword.fromEnvironment(Map.of("PW", ""), "PW"))
        .hasMessage("the environment variable PW is empty");
  }

  @Test
  void givenAPasswordFile_whenRead_thenItsFirstLineWithoutTheLineBreakIsThePassword(
      @TempDir Path dir) throws IOException {
    Path unix = Files.writeString(dir.resolve("unix"), SECRET + "\n");
    Path windows = Files.writeString(dir.resolve("windows"), SECRET + "\r\nsecond line\r\n");
    Path bare = Files.writeString(dir.resolve("bare"), SECRET);

    assertThat(KeystorePassword.fromFile(unix).reveal()).isEqualTo(SECRET);
    assertThat(KeystorePassword.fromFile(windows).reveal()).isEqualTo(SECRET);
    assertThat(KeystorePassword.fromFile(bare).reveal()).isEqualTo(SECRET);
  }

  @Test
  void givenAnEmptyOrMissingFile_whenRead_thenItIsRefused(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");

    assertThatThrownBy(() -> KeystorePassword.fromFile(empty))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> KeystorePassword.fromFile(dir.resolve("absent")))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("cannot read the password file");
  }
}
