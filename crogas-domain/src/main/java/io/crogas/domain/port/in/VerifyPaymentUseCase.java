package io.crogas.domain.port.in;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentFault;

/** x402 {@code verify}: would this payment settle for these requirements? */
public interface VerifyPaymentUseCase {
  VerifyOutcome verify(VerifyPaymentCommand command);

  /** Valid, or invalid with the x402 reason. */
  sealed interface VerifyOutcome permits VerifyOutcome.Valid, VerifyOutcome.Invalid {
    Address payer();

    record Valid(Address payer) implements VerifyOutcome {}

    record Invalid(PaymentFault fault, Address payer, String message) implements VerifyOutcome {}
  }
}
