package io.crogas.domain.model;

import io.crogas.eip712.Hex;
import java.util.Locale;

/** ABI-encoded call data for a target contract (possibly empty), kept as lowercase 0x-hex. */
public record Calldata(String hex) {
  /** Upper bound that keeps a request within a block's reach and the journal small. */
  public static final int MAX_BYTES = 128 * 1024;

  public Calldata {
    int length = HexField.decode(hex, "calldata").length;
    if (length > MAX_BYTES) {
      throw new IllegalArgumentException("calldata is limited to " + MAX_BYTES + " bytes");
    }
    hex = hex.toLowerCase(Locale.ROOT);
  }

  public static Calldata of(byte[] bytes) {
    return new Calldata(Hex.encode(bytes));
  }

  public byte[] bytes() {
    return HexField.decode(hex, "calldata");
  }

  @Override
  public String toString() {
    return hex;
  }
}
