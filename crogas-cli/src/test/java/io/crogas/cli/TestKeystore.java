package io.crogas.cli;

import io.crogas.chain.KeystoreFiles;
import io.crogas.chain.KeystorePassword;
import java.math.BigInteger;
import java.nio.file.Path;

/** A light V3 keystore of a test key, with the password {@value #PASSWORD}. */
public final class TestKeystore {
  public static final String PASSWORD = "pw";

  private TestKeystore() {}

  public static Path of(String privateKeyHex, Path dir) {
    return KeystoreFiles.encrypt(
            privateKeyHex, dir, KeystorePassword.of(PASSWORD), KeystoreFiles.Strength.LIGHT)
        .file();
  }

  public static Path of(BigInteger privateKey, Path dir) {
    return of(String.format("0x%064x", privateKey), dir);
  }
}
