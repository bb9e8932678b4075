package io.crogas.domain.model;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A relayer transaction exactly as signed, recorded before it is sent so that after a crash it can
 * be re-sent byte for byte (never re-signed with a new nonce). Replacements of a stuck transaction
 * are further signed transactions for the same relayer and nonce.
 *
 * @param raw the signed RLP bytes as 0x-hex
 * @param maxFeePerGas the fee cap (the gas price on legacy chains)
 */
public record SignedTransaction(
    Address relayer,
    long nonce,
    Hash32 hash,
    String raw,
    Wei maxFeePerGas,
    Wei tip,
    BigInteger gasLimit,
    Instant signedAt) {
  public SignedTransaction {
    if (relayer == null || hash == null || raw == null || maxFeePerGas == null || tip == null) {
      throw new IllegalArgumentException("relayer, hash, raw, maxFeePerGas and tip are required");
    }
    if (nonce < 0 || gasLimit == null || gasLimit.signum() <= 0 || signedAt == null) {
      throw new IllegalArgumentException(
          "nonce >= 0, a positive gas limit and signedAt are required");
    }
    HexField.decode(raw, "raw transaction");
  }
}
