package io.crogas.cli.keys;

import io.crogas.chain.KeystorePassword;
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
      return new Secret(KeystorePassword.fromEnvironment(environment, name));
    }
  }

  /** The first line of a file. */
  record File(Path path) implements PasswordSource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public Secret read(Map<String, String> environment) {
      return new Secret(KeystorePassword.fromFile(path));
    }
  }

  /** A password that never prints. */
  final class Secret {
    private final KeystorePassword value;

    Secret(KeystorePassword value) {
      this.value = value;
    }

    /** For the chain adapter's keystore functions. */
    public KeystorePassword keystorePassword() {
      return value;
    }

    @Override
    public String toString() {
      return "Secret[redacted]";
    }
  }
}
