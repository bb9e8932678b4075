package io.crogas.eip712;

import java.util.Optional;

/**
 * The curve arithmetic of public-key recovery, pluggable so a native library can replace the
 * pure-Java one. A backend only ever sees input that passed {@link SignatureRecovery}'s rules, so
 * it never decides what a valid Ethereum signature is; it only finds the key.
 *
 * <p>A backend on the class path is found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.crogas.eip712.RecoveryBackend} entry) and used when its public no-argument
 * constructor succeeds and it passes a known-answer check; otherwise BouncyCastle is used.
 */
public interface RecoveryBackend {
  /** A short name for logs and diagnostics, e.g. {@code "libsecp256k1 (JNI)"}. */
  String name();

  /**
   * The signer's public key in uncompressed SEC 1 form ({@code 0x04 ‖ x ‖ y}, 65 bytes), or empty
   * when no point has x = r or the recovered key is the point at infinity.
   *
   * @param digest32 the signed 32-byte digest; not to be modified
   * @param rs64 r ‖ s, each 32 bytes big-endian, both in [1, n/2]
   * @param recoveryId the parity of R's y coordinate: 0 or 1
   */
  Optional<byte[]> recoverPublicKey(byte[] digest32, byte[] rs64, int recoveryId);
}
