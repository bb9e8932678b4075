package io.crogas.cli;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.PaymentPayload;
import io.crogas.domain.model.PaymentRequirements;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

/** x402 payments as a payer's client would build them, and a client's retry of settle. */
final class Payments {
  static final BigInteger VALUE = BigInteger.valueOf(10_000);

  private Payments() {}

  /** Payment number {@code n} of {@code payer} to {@code payTo}: a fresh EIP-3009 nonce each. */
  static SettlePaymentCommand payment(
      LocalNetwork.User payer, Address payTo, TokenDomain token, long n) {
    byte[] seed = ByteBuffer.allocate(40).put(payer.address().bytes()).putLong(n).array();
    TransferAuthorization authorization =
        new TransferAuthorization(
            payer.address(),
            payTo,
            VALUE,
            BigInteger.ZERO,
            BigInteger.valueOf(Instant.now().getEpochSecond() + 3600),
            Hash32.of(Keccak256.hash(seed)));
    SignedAuthorization signed =
        new SignedAuthorization(authorization, payer.sign(authorization.transferDigest(token)));
    return new SettlePaymentCommand(
        new PaymentPayload(2, "exact", "eip155:338", signed),
        new PaymentRequirements(
            "exact",
            "eip155:338",
            VALUE,
            token.token(),
            payTo,
            60,
            Optional.of(token.name()),
            Optional.of(token.version())));
  }

  /** Settles as a careful client does: when the facilitator's chain is unreachable, ask again. */
  static SettleOutcome settleRetrying(SettlePaymentUseCase settler, SettlePaymentCommand command) {
    ChainUnavailableException last = null;
    for (int attempt = 0; attempt < 60; attempt++) {
      try {
        return settler.settle(command);
      } catch (ChainUnavailableException e) {
        last = e;
      }
    }
    throw last;
  }
}
