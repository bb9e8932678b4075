package io.crogas.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;
import org.web3j.protocol.ObjectMapperFactory;

/**
 * Ethereum V3 keystore files (scrypt, AES-128-CTR), the format geth, cast and MetaMask exchange:
 * generate a key into one, encrypt an existing key, read one's address without the password, and
 * decrypt one for the signer. Files are written owner-only and never overwritten.
 */
public final class KeystoreFiles {
  private static final ObjectMapper JSON = ObjectMapperFactory.getObjectMapper();
  private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();
  private static final SecureRandom RANDOM = new SecureRandom();
  // geth's file name: UTC--<ISO-8601 with dashes for colons>--<address without 0x>.
  private static final DateTimeFormatter GETH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

  private KeystoreFiles() {}

  /** How hard the scrypt key derivation is; the file records it, so readers need not know. */
  public enum Strength {
    /** geth's and web3j's standard: N = 2^18, r = 8, p = 1 (256 MiB and about a second). */
    STANDARD(1 << 18, 1),
    /** geth's "light" parameters, N = 2^12, r = 8, p = 6: for tests and throw-away dev keys. */
    LIGHT(1 << 12, 6);

    private final int n;
    private final int p;

    Strength(int n, int p) {
      this.n = n;
      this.p = p;
    }
  }

  /** A keystore file written, and the address of the key it holds. */
  public record Written(Path file, Address address) {}

  /** Generates a new random key into a keystore in {@code directory}. */
  public static Written generate(Path directory, KeystorePassword password, Strength strength) {
    byte[] key = new byte[32];
    BigInteger secret;
    do {
      RANDOM.nextBytes(key);
      secret = new BigInteger(1, key);
    } while (!validKey(secret));
    return write(directory, ECKeyPair.create(secret), password, strength);
  }

  /** Encrypts an existing private key (hex, with or without 0x) into {@code directory}. */
  public static Written encrypt(
      String privateKeyHex, Path directory, KeystorePassword password, Strength strength) {
    return write(directory, keyPair(privateKeyHex), password, strength);
  }

  /**
   * The address a keystore declares, read without the password. Empty when the file leaves the
   * optional {@code address} field out (cast's files do): then only decrypting tells.
   */
  public static Optional<Address> address(Path file) {
    return Optional.ofNullable(read(file).getAddress())
        .filter(address -> !address.isBlank())
        .map(address -> declared(file, address));
  }

  /**
   * Decrypts {@code file}; a declared address that is not the key's own is refused, since signing
   * for another account than the one configured is never what was meant.
   */
  static Credentials decrypt(Path file, KeystorePassword password) {
    WalletFile wallet = read(file);
    Credentials credentials;
    try {
      credentials = Credentials.create(Wallet.decrypt(password.reveal(), wallet));
    } catch (CipherException e) {
      // No cause attached: the message is all the caller needs and nothing more leaks.
      throw new KeystoreException(
          "cannot decrypt " + file + ": wrong password or unsupported keystore");
    }
    Address actual = Address.parse(credentials.getAddress());
    Optional<Address> claimed = address(file);
    if (claimed.isPresent() && !claimed.get().equals(actual)) {
      throw new KeystoreException(
          file + " declares address " + claimed.get() + " but holds the key of " + actual);
    }
    return credentials;
  }

  /**
   * The private key held by {@code file}, for a process that signs with it itself (the CLI's
   * typed-data and deployment commands); the same checks as {@link #decrypt}.
   */
  public static BigInteger unlock(Path file, KeystorePassword password) {
    return decrypt(file, password).getEcKeyPair().getPrivateKey();
  }

  /** A private key from hex; the message of a refusal never repeats the input. */
  static ECKeyPair keyPair(String privateKeyHex) {
    if (hexBytes(privateKeyHex) != 32) {
      throw new KeystoreException("a private key is 32 bytes written as 64 hex digits");
    }
    BigInteger secret = new BigInteger(1, Hex.decode(privateKeyHex, Hex.Prefix.OPTIONAL));
    if (!validKey(secret)) {
      throw new KeystoreException("the private key is outside the secp256k1 range [1, n-1]");
    }
    return ECKeyPair.create(secret);
  }

  private static boolean validKey(BigInteger secret) {
    return secret.signum() > 0 && secret.compareTo(CURVE_ORDER) < 0;
  }

  private static Written write(
      Path directory, ECKeyPair key, KeystorePassword password, Strength strength) {
    WalletFile wallet;
    try {
      wallet = Wallet.create(password.reveal(), key, strength.n, strength.p);
    } catch (CipherException e) {
      throw new KeystoreException("cannot encrypt the key", e);
    }
    Address address = Address.parse(Credentials.create(key).getAddress());
    Path file =
        directory.resolve("UTC--" + GETH_TIME.format(Instant.now()) + "--" + wallet.getAddress());
    try {
      Files.createDirectories(directory);
      createOwnerOnly(file);
      Files.write(file, JSON.writeValueAsBytes(wallet));
    } catch (FileAlreadyExistsException e) {
      throw new KeystoreException(file + " exists already; keystores are never overwritten", e);
    } catch (IOException e) {
      throw new KeystoreException("cannot write " + file, e);
    }
    return new Written(file, address);
  }

  // geth writes keystores 0600; on file systems without POSIX permissions the default applies.
  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  private static WalletFile read(Path file) {
    try {
      return JSON.readValue(file.toFile(), WalletFile.class);
    } catch (IOException e) {
      throw new KeystoreException("cannot read " + file + " as a V3 keystore", e);
    }
  }

  // The field is the address without 0x, in lowercase (geth) or checksummed (some tools).
  private static Address declared(Path file, String field) {
    if (hexBytes(field) != 20) {
      throw new KeystoreException(file + " declares a malformed address: " + field);
    }
    return Address.of(Hex.decode(field, Hex.Prefix.OPTIONAL));
  }

  // How many bytes a key or an address (0x optional, either case) holds; -1 if it is not hex.
  private static int hexBytes(String text) {
    return Hex.flaw(text, Hex.Prefix.OPTIONAL).isPresent()
        ? -1
        : Hex.decode(text, Hex.Prefix.OPTIONAL).length;
  }
}
