package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;

/** x402 {@code verify}: would this payment settle for these requirements? */
public interface VerifyPayment {
  VerifyOutcome verify(PaymentCommand command);

  /** A payment and the requirements it answers. */
  record PaymentCommand(PaymentPayload payload, PaymentRequirements requirements) {
    public PaymentCommand {
      if (payload == null || requirements == null) {
        throw new IllegalArgumentException("payload and requirements are required");
      }
    }
  }

  /** Valid, or invalid with the x402 reason. */
  sealed interface VerifyOutcome permits VerifyOutcome.Valid, VerifyOutcome.Invalid {
    Address payer();

    record Valid(Address payer) implements VerifyOutcome {}

    record Invalid(PaymentFault fault, Address payer, String message) implements VerifyOutcome {}
  }
}
