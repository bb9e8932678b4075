package io.crogas.secp256k1.nativelib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.eip712.Eip3009Types;
import io.crogas.eip712.Eip712Domain;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Keccak256;
import io.crogas.eip712.MetaTransactionType;
import io.crogas.eip712.TypedData;
import io.crogas.eip712.TypedDataEncoder;
import io.crogas.eip712.TypedDataJson;
import io.crogas.testkit.AnvilChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Signatures made by anvil, a signer independent of CroGas: random EIP-712 documents (CroGas
 * meta-transactions, EIP-3009 authorizations) through {@code eth_signTypedData_v4} and random
 * 32-byte messages through {@code eth_sign}, each with the account that signed it.
 */
final class AnvilCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PERSONAL_PREFIX =
      "\u0019Ethereum Signed Message:\n32".getBytes(StandardCharsets.US_ASCII);

  private AnvilCorpus() {}

  /** A digest, anvil's 65-byte signature of it, and the address anvil signed with. */
  record Signed(byte[] digest, byte[] signature, String signer) {
    /** The signature with v replaced. */
    byte[] withV(int v) {
      byte[] copy = signature.clone();
      copy[64] = (byte) v;
      return copy;
    }
  }

  /**
   * {@code count} signatures, spread over anvil's ten accounts; one in four by {@code eth_sign}.
   */
  static List<Signed> sign(int count, long seed) {
    try (AnvilChain chain = AnvilChain.start()) {
      JsonNode accounts = result(chain.rpc("eth_accounts", "[]"));
      Random random = new Random(seed);
      List<Signed> corpus = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String account = accounts.get(i % accounts.size()).textValue();
        corpus.add(
            i % 4 == 3 ? personal(chain, account, random) : typedData(chain, account, random));
      }
      return corpus;
    }
  }

  private static Signed typedData(AnvilChain chain, String account, Random random) {
    TypedData document = document(random);
    String params =
        JSON.createArrayNode().add(account).add(tree(TypedDataJson.write(document))).toString();
    byte[] signature = Hex.decode(result(chain.rpc("eth_signTypedData_v4", params)).textValue());
    return new Signed(TypedDataEncoder.digest(document), signature, account);
  }

  private static Signed personal(AnvilChain chain, String account, Random random) {
    byte[] message = bytes(random, 32);
    String params = JSON.createArrayNode().add(account).add(Hex.encode(message)).toString();
    byte[] signature = Hex.decode(result(chain.rpc("eth_sign", params)).textValue());
    byte[] prefixed = new byte[PERSONAL_PREFIX.length + message.length];
    System.arraycopy(PERSONAL_PREFIX, 0, prefixed, 0, PERSONAL_PREFIX.length);
    System.arraycopy(message, 0, prefixed, PERSONAL_PREFIX.length, message.length);
    return new Signed(Keccak256.hash(prefixed), signature, account);
  }

  private static TypedData document(Random random) {
    Eip712Domain domain =
        Eip712Domain.of(
            "Token " + random.nextInt(1000),
            String.valueOf(1 + random.nextInt(9)),
            1 + random.nextInt(Integer.MAX_VALUE),
            bytes(random, 20));
    return switch (random.nextInt(3)) {
      case 0 ->
          MetaTransactionType.document(
              domain,
              bytes(random, 20),
              bytes(random, random.nextInt(200)),
              List.of("slow", "normal", "fast").get(random.nextInt(3)),
              new BigInteger(64, random),
              new BigInteger(40, random));
      case 1 ->
          Eip3009Types.transferWithAuthorization(
              domain,
              bytes(random, 20),
              bytes(random, 20),
              new BigInteger(256, random),
              new BigInteger(32, random),
              new BigInteger(40, random),
              bytes(random, 32));
      default -> Eip3009Types.cancelAuthorization(domain, bytes(random, 20), bytes(random, 32));
    };
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode result(String response) {
    JsonNode body = tree(response);
    if (!body.has("result")) {
      throw new AssertionError("anvil refused: " + response);
    }
    return body.get("result");
  }
}
