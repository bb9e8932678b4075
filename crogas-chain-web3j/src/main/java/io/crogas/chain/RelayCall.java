package io.crogas.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayJob;

/**
 * The contract call that carries a relay job: the forwarder's {@code execute} for a meta-
 * transaction, the token's {@code transferWithAuthorization} for an x402 settlement. Simulation and
 * signing both go through here, so what is simulated is byte for byte what is signed.
 */
record RelayCall(Address to, byte[] data) {
  static RelayCall of(RelayJob job) {
    if (job instanceof RelayJob.ForwarderCall call) {
      return new RelayCall(call.forwarder().forwarder(), ForwarderCalls.execute(call));
    }
    RelayJob.TokenTransfer transfer = (RelayJob.TokenTransfer) job;
    return new RelayCall(
        transfer.token().token(), TokenCalls.transferWithAuthorization(transfer.transfer()));
  }
}
