package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Wei;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas;

/** Reads the fee conditions the network profile says matter. */
final class FeeMarketReader {
  private final JsonRpc rpc;
  private final NetworkProfile profile;

  FeeMarketReader(JsonRpc rpc, NetworkProfile profile) {
    this.rpc = rpc;
    this.profile = profile;
  }

  FeeMarket read() {
    if (!profile.eip1559()) {
      return new FeeMarket(
          new Wei(rpc.sendOrFail(rpc.web3j().ethGasPrice()).getGasPrice()), Wei.ZERO, false);
    }
    EthBlock.Block latest =
        rpc.sendOrFail(rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
            .getBlock();
    if (latest == null || latest.getBaseFeePerGasRaw() == null) {
      throw new ChainUnavailableException(
          "the network profile says EIP-1559 but the latest block at "
              + rpc.url()
              + " has no baseFeePerGas");
    }
    Wei tip = profile.priorityTips() ? suggestedTip() : Wei.ZERO;
    return new FeeMarket(new Wei(latest.getBaseFeePerGas()), tip, true);
  }

  // Nodes that predate eth_maxPriorityFeePerGas answer "method not found": no suggestion, no tip.
  private Wei suggestedTip() {
    EthMaxPriorityFeePerGas answer = rpc.send(rpc.web3j().ethMaxPriorityFeePerGas());
    return answer.hasError() ? Wei.ZERO : new Wei(answer.getMaxPriorityFeePerGas());
  }
}
