package io.crogas.eip712;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Recovers a signer's address under Ethereum's rules: v as 0/1 or 27/28, r and s in [1, n-1], s not
 * above n/2 (EIP-2). The rules are checked here and only here, before any {@link RecoveryBackend}
 * runs, so every backend accepts and rejects exactly the same signatures.
 *
 * <p>{@link #active()} is chosen once per class loader: the first backend found on the class path
 * that loads and passes a known-answer check, else BouncyCastle; the choice is logged.
 */
public final class SignatureRecovery {
  private static final System.Logger LOG = System.getLogger(SignatureRecovery.class.getName());
  private static final int WORD = Words.WORD;
  private static final SignatureRecovery BOUNCY_CASTLE =
      new SignatureRecovery(new BouncyCastleRecovery());

  /** EIP-712's own example (the "Mail" message signed by keccak("cow")): the known answer. */
  private static final byte[] CHECK_DIGEST =
      Hex.decode("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");

  private static final byte[] CHECK_SIGNATURE =
      Hex.decode(
          "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
              + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"
              + "1c");
  private static final Recovery CHECK_SIGNER =
      new Recovery.Recovered(Hex.decode("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826"));

  private final RecoveryBackend backend;

  private SignatureRecovery(RecoveryBackend backend) {
    this.backend = backend;
  }

  /** The recovery every caller of {@link Secp256k1#recover} gets: the fastest that loaded here. */
  public static SignatureRecovery active() {
    return Chosen.RECOVERY;
  }

  /** The pure-Java recovery, whatever else is on the class path. */
  public static SignatureRecovery bouncyCastle() {
    return BOUNCY_CASTLE;
  }

  /** The rules over an explicitly chosen backend (tests, benchmarks). */
  public static SignatureRecovery using(RecoveryBackend backend) {
    return new SignatureRecovery(Objects.requireNonNull(backend, "backend"));
  }

  /**
   * The backend's name, e.g. {@code "libsecp256k1 (JNI)"} or {@code "BouncyCastle (pure Java)"}.
   */
  public String backend() {
    return backend.name();
  }

  /**
   * Recovers the signer's address. Accepts v as 0/1 or 27/28; rejects anything else, r or s outside
   * [1, n-1], s above n/2, and an r that is no point's x coordinate.
   *
   * @throws IllegalArgumentException if the digest is not 32 bytes (a caller's bug, not input)
   */
  public Recovery recover(byte[] digest32, byte[] signature65) {
    Secp256k1.checkDigest(digest32);
    if (signature65 == null || signature65.length != EcdsaSignature.LENGTH) {
      return rejected(
          SignatureFault.WRONG_LENGTH,
          "a signature is 65 bytes, got " + (signature65 == null ? "null" : signature65.length));
    }
    int v = signature65[2 * WORD] & 0xff;
    int parity = v >= 27 ? v - 27 : v;
    if (parity != 0 && parity != 1) {
      return rejected(SignatureFault.BAD_V, "v must be 0, 1, 27 or 28, got " + v);
    }
    BigInteger r = new BigInteger(1, signature65, 0, WORD);
    BigInteger s = new BigInteger(1, signature65, WORD, WORD);
    if (r.signum() == 0 || r.compareTo(Secp256k1.N) >= 0) {
      return rejected(SignatureFault.R_OUT_OF_RANGE, "r must be in [1, n-1]");
    }
    if (s.signum() == 0 || s.compareTo(Secp256k1.N) >= 0) {
      return rejected(SignatureFault.S_OUT_OF_RANGE, "s must be in [1, n-1]");
    }
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      return rejected(SignatureFault.HIGH_S, "s is above n/2 (malleable signature, EIP-2)");
    }
    return backend
        .recoverPublicKey(digest32, Arrays.copyOf(signature65, 2 * WORD), parity)
        .<Recovery>map(key -> new Recovery.Recovered(Secp256k1.addressOf(key)))
        .orElseGet(
            () ->
                rejected(
                    SignatureFault.NOT_RECOVERABLE,
                    "no public key: r is no curve point's x, or the key is the point at infinity"));
  }

  /**
   * The first candidate that loads and recovers EIP-712's example signer, else BouncyCastle. A
   * native library that is missing or broken on this platform is a warning, never a failure.
   */
  static SignatureRecovery choose(List<? extends Supplier<? extends RecoveryBackend>> candidates) {
    for (Supplier<? extends RecoveryBackend> candidate : candidates) {
      try {
        SignatureRecovery recovery = new SignatureRecovery(candidate.get());
        Recovery answer = recovery.recover(CHECK_DIGEST, CHECK_SIGNATURE);
        if (answer.equals(CHECK_SIGNER)) {
          LOG.log(System.Logger.Level.INFO, "secp256k1 recovery: {0}", recovery.backend());
          return recovery;
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "secp256k1 backend {0} failed its known-answer check ({1}); not used",
            recovery.backend(),
            answer);
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "a secp256k1 backend failed to load, not used: {0}",
            rootCause(e).toString());
        LOG.log(System.Logger.Level.DEBUG, "secp256k1 backend failure", e);
      }
    }
    LOG.log(System.Logger.Level.INFO, "secp256k1 recovery: {0}", BOUNCY_CASTLE.backend());
    return BOUNCY_CASTLE;
  }

  private static List<? extends Supplier<? extends RecoveryBackend>> discovered() {
    try {
      return ServiceLoader.load(RecoveryBackend.class, SignatureRecovery.class.getClassLoader())
          .stream()
          .toList();
    } catch (ServiceConfigurationError e) {
      LOG.log(System.Logger.Level.WARNING, "secp256k1 backends could not be listed", e);
      return List.of();
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static Recovery rejected(SignatureFault fault, String message) {
    return new Recovery.Rejected(fault, message);
  }

  /** Chosen on first use, once: class initialisation makes it thread-safe. */
  private static final class Chosen {
    static final SignatureRecovery RECOVERY = choose(discovered());
  }
}
