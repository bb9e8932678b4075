package io.crogas.cli.keys;

import io.crogas.chain.KeystoreFiles;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Signature;
import io.crogas.eip712.Secp256k1;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * A private key decrypted from a V3 keystore, for signing typed data and deployment transactions in
 * this process. It never prints; refusals never repeat the password.
 */
public final class UnlockedKey {
  private final BigInteger secret;
  private final Address address;

  private UnlockedKey(BigInteger secret) {
    this.secret = secret;
    this.address = Address.of(Secp256k1.address(secret));
  }

  /**
   * Decrypts {@code file} with the chain adapter's checks (a declared address that is not the key's
   * own is refused); refusals never repeat the password.
   */
  public static UnlockedKey open(Path file, PasswordSource.Secret password) {
    return new UnlockedKey(KeystoreFiles.unlock(file, password.keystorePassword()));
  }

  public Address address() {
    return address;
  }

  /** Signs a 32-byte digest (RFC 6979, low s, v 27/28). */
  public Signature sign(byte[] digest32) {
    return Signature.of(Secp256k1.sign(digest32, secret).toBytes());
  }

  /** The key as hex, for the deployment transaction sender only. */
  public String privateKeyHex() {
    return String.format("0x%064x", secret);
  }

  @Override
  public String toString() {
    return "UnlockedKey[" + address + ", redacted]";
  }
}
