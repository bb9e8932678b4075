package io.crogas.cli.keys;

import io.crogas.chain.KeystorePassword;
import io.crogas.cli.CliFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a keystore password is read from. The rules are {@link KeystorePassword}'s (the first line
 * of a file without its line break, as geth reads it; nothing empty); errors name the variable or
 * the file, never what it holds.
 */
public sealed interface PasswordSource {

  /** The password, read now. */
  Secret read(Map<String, String> environment);

  /** An environment variable. */
  record Environment(String name) implements PasswordSource {
    public Environment {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Secret read(Map<String, String> environment) {
      String value = environment.get(name);
      if (value == null || value.isEmpty()) {
        throw new CliFailure(
            "the environment variable " + name + (value == null ? " is not set" : " is empty"));
      }
      return new Secret(value);
    }
  }

  /** The first line of a file. */
  record File(Path path) implements PasswordSource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public Secret read(Map<String, String> environment) {
      String content;
      try {
        content = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliFailure("cannot read the password file " + path, e);
      }
      String firstLine = content.lines().findFirst().orElse("");
      if (firstLine.isEmpty()) {
        throw new CliFailure("the password file " + path + " is empty");
      }
      return new Secret(firstLine);
    }
  }

  /** A password that never prints. */
  final class Secret {
    private final String value;

    Secret(String value) {
      this.value = value;
    }

    /** For the chain adapter's keystore functions. */
    public KeystorePassword keystorePassword() {
      return KeystorePassword.of(value);
    }

    String reveal() {
      return value;
    }

    @Override
    public String toString() {
      return "Secret[redacted]";
    }
  }
}
