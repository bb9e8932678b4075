package io.crogas.cli.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.chain.KeystoreFiles;
import io.crogas.cli.CliFailure;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Signature;
import io.crogas.eip712.Secp256k1;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;
import org.web3j.protocol.ObjectMapperFactory;

/**
 * A private key decrypted from a V3 keystore, for signing typed data and deployment transactions in
 * this process. It never prints; refusals never repeat the password.
 */
public final class UnlockedKey {
  private static final ObjectMapper JSON = ObjectMapperFactory.getObjectMapper();

  private final BigInteger secret;
  private final Address address;

  private UnlockedKey(BigInteger secret) {
    this.secret = secret;
    this.address = Address.of(Secp256k1.address(secret));
  }

  /**
   * Decrypts {@code file}; a declared address that is not the key's own is refused, as the chain
   * adapter does for relayer keys.
   */
  public static UnlockedKey open(Path file, PasswordSource.Secret password) {
    ECKeyPair pair;
    try {
      pair = Wallet.decrypt(password.reveal(), JSON.readValue(file.toFile(), WalletFile.class));
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + " as a V3 keystore", e);
    } catch (CipherException e) {
      throw new CliFailure("cannot decrypt " + file + ": wrong password or unsupported keystore");
    }
    UnlockedKey key = new UnlockedKey(pair.getPrivateKey());
    Optional<Address> declared = KeystoreFiles.address(file);
    if (declared.isPresent() && !declared.get().equals(key.address)) {
      throw new CliFailure(
          file + " declares address " + declared.get() + " but holds the key of " + key.address);
    }
    return key;
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
