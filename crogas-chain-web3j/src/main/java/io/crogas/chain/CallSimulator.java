package io.crogas.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain.Simulation;
import io.crogas.eip712.Hex;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;

/** Dry-runs a call at the latest block: its gas when it succeeds, its decoded reason when not. */
final class CallSimulator {
  private final JsonRpc rpc;
  private final RevertDecoder revert;

  CallSimulator(JsonRpc rpc, RevertDecoder revert) {
    this.rpc = rpc;
    this.revert = revert;
  }

  /**
   * {@code eth_estimateGas} of {@code from → to} with {@code data}; {@code to == null} simulates a
   * contract creation.
   */
  Simulation simulate(Address from, Address to, byte[] data) {
    return simulate(from, to, data, Optional.empty());
  }

  /** As {@link #simulate(Address, Address, byte[])}, paying {@code gasPrice} when present. */
  Simulation simulate(Address from, Address to, byte[] data, Optional<Wei> gasPrice) {
    Transaction tx = transaction(from, to, data, gasPrice);
    EthEstimateGas estimate = rpc.send(rpc.web3j().ethEstimateGas(tx));
    if (!estimate.hasError()) {
      return new Simulation.Succeeds(estimate.getAmountUsed());
    }
    // Not every node puts the revert data in eth_estimateGas's error (geth before 1.11, Ethermint
    // variants); eth_call of the same transaction does, so the reason is read from there.
    EthCall call = rpc.send(rpc.web3j().ethCall(tx, DefaultBlockParameterName.LATEST));
    return new Simulation.Reverts(reason(call.hasError() ? call.getError() : estimate.getError()));
  }

  /**
   * The revert in the answer to an {@code eth_call} of the simulated transaction, or empty when the
   * call succeeded.
   */
  Optional<Simulation.Reverts> reverts(EthCall answer) {
    return answer.hasError()
        ? Optional.of(new Simulation.Reverts(reason(answer.getError())))
        : Optional.empty();
  }

  private static Transaction transaction(
      Address from, Address to, byte[] data, Optional<Wei> gasPrice) {
    return new Transaction(
        from.value(),
        null,
        gasPrice.map(Wei::value).orElse(null),
        null,
        to == null ? null : to.value(),
        null,
        Hex.encode(data));
  }

  private String reason(Response.Error error) {
    String data = error.getData();
    if (data != null && data.matches("\"?0x([0-9a-fA-F]{2})*\"?")) {
      return revert.reason(Hex.decode(data.replace("\"", ""), Hex.Prefix.OPTIONAL));
    }
    // No revert data: the node refused the call itself (out of gas, insufficient funds, ...).
    return error.getMessage();
  }
}
