package io.crogas.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The password of the relayer keystores. It never prints: {@link #toString()} is redacted, and the
 * errors of its factories name where it was looked for, never what was found.
 */
public final class KeystorePassword {
  private final String secret;

  private KeystorePassword(String secret) {
    if (secret.isEmpty()) {
      throw new KeystoreException("the keystore password is empty");
    }
    this.secret = secret;
  }

  /** A password given directly: for tests and development only. */
  public static KeystorePassword of(String secret) {
    return new KeystorePassword(secret);
  }

  /** The value of the environment variable {@code name}. */
  public static KeystorePassword fromEnvironment(String name) {
    return fromEnvironment(System.getenv(), name);
  }

  /** The value of {@code name} in {@code environment} (an injected environment, e.g. the CLI's). */
  public static KeystorePassword fromEnvironment(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null) {
      throw new KeystoreException("the environment variable " + name + " is not set");
    }
    if (value.isEmpty()) {
      throw new KeystoreException("the environment variable " + name + " is empty");
    }
    return new KeystorePassword(value);
  }

  /**
   * The first line of {@code file}, without its line break (as geth's and cast's {@code
   * --password-file} read it, so one file serves all three).
   */
  public static KeystorePassword fromFile(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeystoreException("cannot read the password file " + file, e);
    }
    String firstLine = content.lines().findFirst().orElse("");
    if (firstLine.isEmpty()) {
      throw new KeystoreException("the password file " + file + " is empty");
    }
    return new KeystorePassword(firstLine);
  }

  /** The secret itself, for the keystore cipher only. */
  String reveal() {
    return secret;
  }

  @Override
  public String toString() {
    return "KeystorePassword[redacted]";
  }
}
