package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.eip712.Eip55;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Secp256k1;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Calldata selectors stay right once the JIT has compiled the hashing a node does all day. The old
 * Keccak256 (a {@code long[25]} state filled in one method and permuted in another) was compiled by
 * HotSpot 17's C2, after a few seconds of this mix, into code that lost the absorbed input:
 * execute's selector came out as 0xe7dde140, the first bytes of Keccak-f[1600] of the zero state,
 * and every relayed call then reverted without a reason. In crogas-cli that only showed once many
 * test classes had run in one JVM. The miscompile depends on compilation timing, so this mix caught
 * the old code in about one run out of three; it never fails with the current one.
 */
class SelectorsUnderJitTest {
  private static final Duration RUN = Duration.ofSeconds(15);
  private static final Address RELAYER =
      Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  private static final Map<String, String> SELECTORS =
      Map.of(
          "nonces(address)", "0x7ecebe00",
          "isRelayer(address)", "0x541d5548",
          "balanceOf(address)", "0x70a08231",
          "authorizationState(address,bytes32)", "0xe94a0102");
  private static final List<String> VIEWS = List.copyOf(SELECTORS.keySet());
  private static final String EXECUTE_SELECTOR = "0x1c12de1a";

  @Test
  void givenANodesHashingMix_whenItRunsHotOnTwoThreads_thenEverySelectorIsRight() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Optional<String>>> runs = new ArrayList<>();
      for (int seed = 0; seed < 2; seed++) {
        long mix = seed;
        runs.add(threads.submit(() -> hashUntil(System.nanoTime() + RUN.toNanos(), mix)));
      }
      for (Future<Optional<String>> run : runs) {
        assertThat(run.get(RUN.getSeconds() + 30, TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** The first wrong selector seen before {@code deadline}, if any. */
  private static Optional<String> hashUntil(long deadline, long seed) {
    Random random = new Random(seed);
    byte[] address = new byte[20];
    for (long k = 1; System.nanoTime() < deadline; k++) {
      switch ((int) (k % 4)) {
        case 0 -> Secp256k1.address(BigInteger.TWO.pow(160).add(BigInteger.valueOf(k)));
        case 1 -> {
          random.nextBytes(address);
          Eip55.checksum(address);
        }
        default -> {
          String view = VIEWS.get(random.nextInt(VIEWS.size()));
          String got = selector(AbiCodec.call(view, Solidity.address(RELAYER)));
          if (!got.equals(SELECTORS.get(view))) {
            return Optional.of(view + " -> " + got + " after " + k + " calls");
          }
        }
      }
      if (k % 50 == 0) {
        String got = selector(execute());
        if (!got.equals(EXECUTE_SELECTOR)) {
          return Optional.of("execute -> " + got + " after " + k + " calls");
        }
      }
    }
    return Optional.empty();
  }

  private static byte[] execute() {
    return AbiCodec.call(
        "execute(address,address,bytes,string,uint256,uint256,bytes,(uint256,uint256,uint256,bytes))",
        Solidity.address(RELAYER),
        Solidity.address(RELAYER),
        new DynamicBytes(new byte[36]),
        new Utf8String("normal"),
        new Uint256(1),
        new Uint256(2),
        new DynamicBytes(new byte[65]),
        new DynamicStruct(
            new Uint256(3), new Uint256(4), new Uint256(5), new DynamicBytes(new byte[65])));
  }

  private static String selector(byte[] calldata) {
    return Hex.encode(Arrays.copyOf(calldata, 4));
  }
}
