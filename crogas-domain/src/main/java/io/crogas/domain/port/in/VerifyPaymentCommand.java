package io.crogas.domain.port.in;

import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;

/** A payment to check and the requirements it answers. */
public record VerifyPaymentCommand(PaymentPayload payload, PaymentRequirements requirements) {
  public VerifyPaymentCommand {
    if (payload == null || requirements == null) {
      throw new IllegalArgumentException("payload and requirements are required");
    }
  }
}
