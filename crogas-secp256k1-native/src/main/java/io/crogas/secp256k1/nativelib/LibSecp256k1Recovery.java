package io.crogas.secp256k1.nativelib;

import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;
import io.crogas.eip712.RecoveryBackend;
import java.util.Optional;

/**
 * Public-key recovery in libsecp256k1 (bitcoin-core's C library) over ACINQ's JNI binding, about
 * three times faster than BouncyCastle. crogas-eip712 finds it through {@link
 * java.util.ServiceLoader}; constructing it loads the native library, which throws on a platform
 * the jar has no library for, so that crogas-eip712 falls back to BouncyCastle.
 */
public final class LibSecp256k1Recovery implements RecoveryBackend {
  private final Secp256k1 library;

  /** Extracts and loads the native library (once per JVM). */
  public LibSecp256k1Recovery() {
    library = Secp256k1.get();
  }

  @Override
  public String name() {
    return "libsecp256k1 (JNI)";
  }

  @Override
  public Optional<byte[]> recoverPublicKey(byte[] digest32, byte[] rs64, int recoveryId) {
    try {
      return Optional.of(library.ecdsaRecover(rs64, digest32, recoveryId));
    } catch (Secp256k1Exception e) {
      // The binding's only way to say secp256k1_ecdsa_recover found no key.
      return Optional.empty();
    }
  }
}
