package io.crogas.node;

import io.crogas.chain.KeystorePassword;
import java.nio.file.Path;
import java.util.List;

/** Where the relayer's signing keys come from. */
public sealed interface RelayerKeys permits RelayerKeys.Keystores, RelayerKeys.PrivateKeys {

  /** Ethereum V3 keystore files (scrypt), all opened with one password: the default. */
  record Keystores(List<Path> files, KeystorePassword password) implements RelayerKeys {
    public Keystores {
      if (files == null || files.isEmpty() || password == null) {
        throw new IllegalArgumentException(
            "at least one keystore file and a password are required");
      }
      files = List.copyOf(files);
    }
  }

  /** Raw private keys: for local development and tests only. */
  record PrivateKeys(List<String> hex) implements RelayerKeys {
    public PrivateKeys {
      if (hex == null || hex.isEmpty()) {
        throw new IllegalArgumentException("at least one private key is required");
      }
      hex = List.copyOf(hex);
    }

    @Override
    public String toString() {
      return "PrivateKeys[" + hex.size() + " keys, redacted]";
    }
  }
}
