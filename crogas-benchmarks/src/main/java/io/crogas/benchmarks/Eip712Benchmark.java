package io.crogas.benchmarks;

import io.crogas.eip712.EcdsaSignature;
import io.crogas.eip712.Eip712Domain;
import io.crogas.eip712.Keccak256;
import io.crogas.eip712.MetaTransactionType;
import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import io.crogas.eip712.SignatureRecovery;
import io.crogas.eip712.TypedData;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.eip712.TypedDataJson;
import io.crogas.secp256k1.nativelib.LibSecp256k1Recovery;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * CroGas's EIP-712 digests and signature recovery side by side with web3j 4.13.0 on the same
 * MetaTransaction document (the forwarder's domain, 68 bytes of calldata: an ERC-20 transfer).
 * Recovery runs through CroGas's {@link SignatureRecovery} on both backends (BouncyCastle and, with
 * crogas-secp256k1-native on the class path, libsecp256k1), and on the bare JNI binding.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Eip712Benchmark {
  private Eip712Domain domain;
  private byte[] separator;
  private byte[] target;
  private byte[] calldata;
  private String gasLevel;
  private BigInteger nonce;
  private BigInteger deadline;
  private TypedData document;
  private String json;
  private StructuredDataEncoder web3jEncoder;
  private byte[] digest;
  private byte[] signature;
  private Sign.SignatureData web3jSignature;
  private fr.acinq.secp256k1.Secp256k1 libsecp256k1;
  private byte[] compactSignature;
  private int recoveryId;

  @Setup
  public void setUp() throws IOException {
    Random random = new Random(712);
    domain = Eip712Domain.of("CroGas", "1", 338, bytes(random, 20));
    separator = domain.separator();
    target = bytes(random, 20);
    calldata = bytes(random, 68);
    gasLevel = "fast";
    nonce = BigInteger.valueOf(42);
    deadline = BigInteger.valueOf(1_767_225_600L);
    document = MetaTransactionType.document(domain, target, calldata, gasLevel, nonce, deadline);
    json = TypedDataJson.write(document);
    web3jEncoder = new StructuredDataEncoder(json);
    digest = MetaTransactionType.digest(separator, target, calldata, gasLevel, nonce, deadline);
    EcdsaSignature signed = Secp256k1.sign(digest, new BigInteger(255, random).add(BigInteger.ONE));
    signature = signed.toBytes();
    web3jSignature =
        new Sign.SignatureData(
            (byte) signed.v(),
            Arrays.copyOfRange(signature, 0, 32),
            Arrays.copyOfRange(signature, 32, 64));
    libsecp256k1 = fr.acinq.secp256k1.Secp256k1.get();
    compactSignature = Arrays.copyOf(signature, 64);
    recoveryId = signed.v() - 27;
    if (!SignatureRecovery.active().backend().equals(new LibSecp256k1Recovery().name())) {
      throw new IllegalStateException("active recovery: " + SignatureRecovery.active().backend());
    }
    if (!(croGasRecoverBouncyCastle() instanceof Recovery.Recovered recovered)
        || !recovered.equals(croGasRecoverLibsecp256k1())
        || !Arrays.equals(recovered.address20(), libsecp256k1RecoverJni())) {
      throw new IllegalStateException("the recovery backends recover different signers");
    }
    requireSame("generic digest", TypedDataEncoder.digest(document));
    requireSame("web3j digest", web3jEncoder.hashStructuredData());
  }

  @Benchmark
  public byte[] croGasMetaTransactionDigest() {
    return MetaTransactionType.digest(separator, target, calldata, gasLevel, nonce, deadline);
  }

  @Benchmark
  public byte[] croGasMetaTransactionDigestWithSeparator() {
    return MetaTransactionType.digest(
        domain.separator(), target, calldata, gasLevel, nonce, deadline);
  }

  @Benchmark
  public byte[] croGasGenericDigest() {
    return TypedDataEncoder.digest(document);
  }

  @Benchmark
  public byte[] croGasGenericDigestFromJson() {
    return TypedDataEncoder.digest(TypedDataJson.parse(json));
  }

  @Benchmark
  public byte[] web3jStructuredDataEncoderFromJson() throws IOException {
    return new StructuredDataEncoder(json).hashStructuredData();
  }

  @Benchmark
  public byte[] web3jHashStructuredData() throws IOException {
    return web3jEncoder.hashStructuredData();
  }

  /** Pure Java: what every caller got before crogas-secp256k1-native, and the fallback. */
  @Benchmark
  public Recovery croGasRecoverBouncyCastle() {
    return SignatureRecovery.bouncyCastle().recover(digest, signature);
  }

  /** What callers get with crogas-secp256k1-native on the class path (checked in setup). */
  @Benchmark
  public Recovery croGasRecoverLibsecp256k1() {
    return Secp256k1.recover(digest, signature);
  }

  @Benchmark
  public BigInteger web3jSignedMessageHashToKey() throws Exception {
    return Sign.signedMessageHashToKey(digest, web3jSignature);
  }

  /** The JNI binding called directly, without CroGas's rules; the address derivation included. */
  @Benchmark
  public byte[] libsecp256k1RecoverJni() {
    byte[] publicKey = libsecp256k1.ecdsaRecover(compactSignature, digest, recoveryId);
    return Arrays.copyOfRange(Keccak256.hash(publicKey, 1, 64), 12, 32);
  }

  private void requireSame(String what, byte[] other) {
    if (!Arrays.equals(digest, other)) {
      throw new IllegalStateException(what + " differs from the fast MetaTransaction digest");
    }
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
