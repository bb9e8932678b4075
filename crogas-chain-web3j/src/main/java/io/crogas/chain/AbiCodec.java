package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Solidity ABI encoding and decoding over web3j's codec. Functions are named by their canonical
 * signature ({@code "balanceOf(address)"}), so the selector is computed, never looked up. web3j's
 * codec API uses raw {@code Type} lists; the suppressions stay inside this class.
 */
final class AbiCodec {
  private static final int WORD = 32;

  private AbiCodec() {}

  /** The 4-byte selector of a canonical signature such as {@code "nonces(address)"}. */
  static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  /** Calldata: the selector of {@code signature} followed by the encoded arguments. */
  static byte[] call(String signature, Type<?>... args) {
    return append(selector(signature), args);
  }

  /**
   * {@code prefix} followed by the head/tail encoding of {@code args}: a selector and its call
   * arguments, or creation bytecode and its constructor arguments.
   */
  @SuppressWarnings("rawtypes")
  static byte[] append(byte[] prefix, Type<?>... args) {
    List<Type> list = new ArrayList<>(Arrays.asList(args));
    byte[] encoded = Hex.decode(FunctionEncoder.encodeConstructor(list), Hex.Prefix.OPTIONAL);
    byte[] out = Arrays.copyOf(prefix, prefix.length + encoded.length);
    System.arraycopy(encoded, 0, out, prefix.length, encoded.length);
    return out;
  }

  /** Decodes {@code data} as a tuple of the given Solidity types ({@code "uint256"}, ...). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static List<Type> decode(List<String> solidityTypes, byte[] data) {
    List<TypeReference<Type>> references = new ArrayList<>();
    for (String solidityType : solidityTypes) {
      try {
        references.add(TypeReference.makeTypeReference(solidityType));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("unsupported ABI type: " + solidityType, e);
      }
    }
    return FunctionReturnDecoder.decode(Hex.encode(data), references);
  }

  static BigInteger uint(byte[] result) {
    return new BigInteger(1, firstWord(result));
  }

  static boolean bool(byte[] result) {
    return uint(result).signum() != 0;
  }

  static byte[] bytes32(byte[] result) {
    return firstWord(result);
  }

  static Address address(byte[] result) {
    return Address.of(Arrays.copyOfRange(firstWord(result), WORD - 20, WORD));
  }

  static String string(byte[] result) {
    if (result.length < 2 * WORD) {
      throw tooShort(result);
    }
    return ((Utf8String) decode(List.of("string"), result).get(0)).getValue();
  }

  private static byte[] firstWord(byte[] result) {
    if (result.length < WORD) {
      throw tooShort(result);
    }
    return Arrays.copyOf(result, WORD);
  }

  // A view answering less than a word is no contract of the expected kind (or no contract at all).
  private static ChainUnavailableException tooShort(byte[] result) {
    return new ChainUnavailableException(
        "the contract answered " + result.length + " bytes where an ABI value was expected");
  }
}
