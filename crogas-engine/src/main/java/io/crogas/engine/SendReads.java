package io.crogas.engine;

import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.relay.SendChecks;
import io.crogas.domain.relay.SendPlan;
import java.math.BigInteger;
import java.util.Optional;

/** A send plan and the relayer balance read for it (empty when nothing was read). */
record SendReads(SendPlan plan, Optional<Wei> relayerBalance) {

  /** Reads what a job's send depends on (one {@link Chain#sendState} batch) and plans it. */
  static final class Planner {
    private final EngineParts parts;

    Planner(EngineParts parts) {
      this.parts = parts;
    }

    /**
     * {@code job} as {@code lane}'s key will send it now, or why it must not be sent, from one read
     * of the payment, the fee market and the key's balance ({@link Chain#sendState}) and a
     * simulation at the fee cap the key will pay.
     */
    SendReads plan(NonceLane lane, RelayJob job) {
      SendChecks checks = parts.settings().sendChecks();
      Optional<Wei> unread = Optional.empty();
      // The times are checked first: a job that may not be sent anyway costs no read.
      Optional<String> late = checks.timing(job, parts.clock().instant());
      if (late.isPresent()) {
        return new SendReads(new SendPlan.Refused(late.get()), unread);
      }
      SendChecks.Payment payment = checks.payment(job);
      Chain.SendState state =
          parts
              .chain()
              .sendState(
                  payment.token(),
                  payment.payer(),
                  payment.authorization().nonce(),
                  lane.relayer());
      Optional<Wei> balance = Optional.of(state.relayerBalance());
      Optional<String> refusal =
          checks.funds(
              payment,
              state.authorizationUsed(),
              state.authorizationUsed() ? BigInteger.ZERO : state.payerBalance());
      if (refusal.isPresent()) {
        return new SendReads(new SendPlan.Refused(refusal.get()), balance);
      }
      Fees bid = parts.settings().sendPolicy().bid(job, state.fees());
      SendPlan plan =
          parts
              .settings()
              .sendPolicy()
              .plan(job, bid, parts.chain().simulate(job, lane.relayer(), bid.maxFeePerGas()));
      return new SendReads(plan, balance);
    }
  }
}
