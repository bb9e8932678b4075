package io.crogas.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.web3j.abi.datatypes.Type;

/**
 * Turns revert data into a reason a person can act on: {@code Error(string)} becomes its message,
 * {@code Panic(uint256)} names its code, and custom errors known from the contracts' ABIs render as
 * {@code UnluckyValue(13)}. A {@code bytes} argument that is itself revert data (the forwarder's
 * {@code CallFailed(bytes)} wraps the target's revert) is decoded in place: {@code
 * CallFailed(UnluckyValue(13))}.
 */
public final class RevertDecoder {
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR_STRING = "08c379a0";
  private static final String PANIC = "4e487b71";
  private static final int MAX_RAW_HEX = 256;

  private final Map<String, ErrorShape> errors;

  private RevertDecoder(Map<String, ErrorShape> errors) {
    this.errors = Map.copyOf(errors);
  }

  /** A decoder for the errors of the given contract ABIs (JSON arrays as solc emits them). */
  public static RevertDecoder of(List<JsonNode> abis) {
    Map<String, ErrorShape> errors = new HashMap<>();
    for (JsonNode abi : abis) {
      for (JsonNode entry : abi) {
        if ("error".equals(entry.path("type").asText())) {
          ErrorShape shape = ErrorShape.of(entry);
          errors.put(HEX.formatHex(AbiCodec.selector(shape.signature())), shape);
        }
      }
    }
    return new RevertDecoder(errors);
  }

  /**
   * A decoder for CroGasForwarder, TestUSDC and DemoTarget; their compiled ABIs include the
   * OpenZeppelin errors they can raise (ECDSA, SafeERC20, ERC-20, access control).
   */
  public static RevertDecoder forCroGasContracts() {
    return CroGasContracts.DECODER;
  }

  private static JsonNode parse(String abiJson) {
    try {
      return JSON.readTree(abiJson);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable contract ABI", e);
    }
  }

  /** The reason {@code data} states; never fails, unknown data is shown as hex. */
  public String reason(byte[] data) {
    if (data.length == 0) {
      return "reverted without a reason";
    }
    return render(data, false);
  }

  private String render(byte[] data, boolean nested) {
    if (data.length < 4) {
      return raw(data);
    }
    String selector = HEX.formatHex(data, 0, 4);
    byte[] args = Arrays.copyOfRange(data, 4, data.length);
    try {
      if (selector.equals(ERROR_STRING)) {
        String message = (String) AbiCodec.decode(List.of("string"), args).get(0).getValue();
        return nested ? "Error(\"" + message + "\")" : message;
      }
      if (selector.equals(PANIC)) {
        return "Panic(" + PanicCode.describe(AbiCodec.uint(args)) + ")";
      }
      ErrorShape shape = errors.get(selector);
      if (shape == null) {
        return raw(data);
      }
      return shape.name() + "(" + arguments(shape, args) + ")";
    } catch (RuntimeException malformed) {
      // Revert data is whatever the contract returned: a selector we know with arguments that do
      // not decode is shown raw rather than guessed at.
      return raw(data);
    }
  }

  @SuppressWarnings("rawtypes")
  private String arguments(ErrorShape shape, byte[] args) {
    List<Type> values = AbiCodec.decode(shape.types(), args);
    if (values.size() != shape.types().size()) {
      throw new IllegalArgumentException("argument count mismatch");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(value(shape.types().get(i), values.get(i).getValue()));
    }
    return out.toString();
  }

  private String value(String type, Object value) {
    if (type.equals("address")) {
      return Address.parse((String) value).value();
    }
    if (type.equals("bytes")) {
      byte[] bytes = (byte[]) value;
      return bytes.length >= 4 ? render(bytes, true) : raw(bytes);
    }
    if (type.equals("string")) {
      return "\"" + value + "\"";
    }
    if (value instanceof byte[] fixed) {
      return raw(fixed);
    }
    if (value instanceof BigInteger || value instanceof Boolean) {
      return value.toString();
    }
    return String.valueOf(value);
  }

  private static String raw(byte[] data) {
    String hex = Hex.encode(data);
    return hex.length() <= MAX_RAW_HEX ? hex : hex.substring(0, MAX_RAW_HEX) + "…";
  }

  /** An ABI error entry: its name and parameter types. */
  private record ErrorShape(String name, List<String> types) {
    static ErrorShape of(JsonNode entry) {
      List<String> types = new ArrayList<>();
      entry.path("inputs").forEach(input -> types.add(input.path("type").asText()));
      return new ErrorShape(entry.path("name").asText(), List.copyOf(types));
    }

    String signature() {
      return name + types.stream().collect(Collectors.joining(",", "(", ")"));
    }
  }

  // Parsed once, on first use: the decoder is immutable and the ABIs ship in the contracts jar.
  private static final class CroGasContracts {
    static final RevertDecoder DECODER =
        of(
            Stream.of(
                    ContractArtifacts.FORWARDER,
                    ContractArtifacts.TEST_USDC,
                    ContractArtifacts.DEMO_TARGET)
                .map(name -> parse(ContractArtifacts.load(name).abiJson()))
                .toList());
  }
}
