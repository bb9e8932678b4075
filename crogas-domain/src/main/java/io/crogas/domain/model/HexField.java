package io.crogas.domain.model;

import io.crogas.eip712.Hex;
import java.util.Optional;

/**
 * Reads the hex text of a value record with the one codec ({@link Hex}) under the core's rule:
 * exactly {@code 0x}, an even number of digits. Refusals name the field and never repeat the input
 * (it may be a signature).
 */
final class HexField {
  private HexField() {}

  static byte[] decode(String text, String what) {
    Optional<Hex.Flaw> flaw = Hex.flaw(text, Hex.Prefix.REQUIRED);
    if (flaw.isPresent()) {
      throw new IllegalArgumentException(
          flaw.get() == Hex.Flaw.NON_HEX_CHARACTER
              ? what + " contains a non-hex character"
              : what + " must be 0x-prefixed hex with an even number of digits");
    }
    return Hex.decode(text, Hex.Prefix.REQUIRED);
  }
}
