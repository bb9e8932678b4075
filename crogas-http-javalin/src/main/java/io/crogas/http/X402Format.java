package io.crogas.http;

/**
 * The three request shapes the facilitator endpoints speak; each is answered in its own shape.
 *
 * <ul>
 *   <li>{@code V2}: x402 v2, {@code paymentPayload.accepted} and CAIP-2 networks ({@code
 *       eip155:338}), {@code amount};
 *   <li>{@code V1}: x402 v1, {@code scheme}/{@code network} at the payload's top level, v1 network
 *       names ({@code cronos-testnet}), {@code maxAmountRequired};
 *   <li>{@code CRONOS}: the Cronos Labs facilitator's {@code paymentHeader} (base64 of a JSON
 *       payload whose {@code payload} is flat: {@code from, to, value, ..., signature, asset}),
 *       answered with {@code payment.settled} / {@code payment.failed} events.
 * </ul>
 */
enum X402Format {
  V2(2),
  V1(1),
  CRONOS(1);

  private final int version;

  X402Format(int version) {
    this.version = version;
  }

  /** The x402 protocol version whose reason codes this format uses. */
  int version() {
    return version;
  }
}
