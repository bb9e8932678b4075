package io.crogas.benchmarks;

import io.crogas.eip712.Keccak256;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One Keccak-256 hash: CroGas's own sponge against BouncyCastle's {@code KeccakDigest}. */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Keccak256Benchmark {
  /** 66: the 0x1901 digest preimage; 192: a five-field struct encoding (two blocks). */
  @Param({"66", "192"})
  public int length;

  private byte[] input;

  @Setup
  public void setUp() {
    input = new byte[length];
    new Random(256).nextBytes(input);
  }

  @Benchmark
  public byte[] croGasKeccak256() {
    return Keccak256.hash(input);
  }

  @Benchmark
  public byte[] bouncyCastleKeccakDigest() {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
