package io.crogas.domain.port.in;

import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;

/** A payment to submit and the requirements it answers (x402 sends settle what it sent verify). */
public record SettlePaymentCommand(PaymentPayload payload, PaymentRequirements requirements) {
  public SettlePaymentCommand {
    if (payload == null || requirements == null) {
      throw new IllegalArgumentException("payload and requirements are required");
    }
  }

  /** The checks a settlement must pass first: verify's, on the same payment. */
  public VerifyPaymentCommand verification() {
    return new VerifyPaymentCommand(payload, requirements);
  }
}
