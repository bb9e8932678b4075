package io.crogas.eip712;

/** Why a 65-byte signature was rejected before or during public-key recovery. */
public enum SignatureFault {
  /** Not exactly 65 bytes (r ‖ s ‖ v). */
  WRONG_LENGTH,
  /** v is not 0, 1, 27 or 28. */
  BAD_V,
  /** r is zero or not below the curve order n. */
  R_OUT_OF_RANGE,
  /** s is zero or not below the curve order n. */
  S_OUT_OF_RANGE,
  /** s is above n/2: the malleated twin of a valid signature (EIP-2). */
  HIGH_S,
  /** No point on the curve has x = r, or the recovered key is the point at infinity. */
  NOT_RECOVERABLE
}
