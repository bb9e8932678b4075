package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Wei;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGasPrice;
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
    List<Response<?>> answers = new ArrayList<>();
    for (Request<?, ? extends Response<?>> request : requests()) {
      answers.add(rpc.send(request));
    }
    return read(answers);
  }

  /** What {@link #read(List)} needs, to be sent alone or in a batch with other reads. */
  List<Request<?, ? extends Response<?>>> requests() {
    if (!profile.eip1559()) {
      return List.of(rpc.web3j().ethGasPrice());
    }
    Request<?, EthBlock> latest =
        rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false);
    return profile.priorityTips()
        ? List.of(latest, rpc.web3j().ethMaxPriorityFeePerGas())
        : List.of(latest);
  }

  /** The fee market from the answers to {@link #requests()}, in their order. */
  FeeMarket read(List<Response<?>> answers) {
    if (!profile.eip1559()) {
      return new FeeMarket(
          new Wei(rpc.orFail(answers.get(0), EthGasPrice.class, "eth_gasPrice").getGasPrice()),
          Wei.ZERO,
          false);
    }
    EthBlock.Block latest =
        rpc.orFail(answers.get(0), EthBlock.class, "eth_getBlockByNumber").getBlock();
    if (latest == null || latest.getBaseFeePerGasRaw() == null) {
      throw new ChainUnavailableException(
          "the network profile says EIP-1559 but the latest block at "
              + rpc.url()
              + " has no baseFeePerGas");
    }
    Wei tip = profile.priorityTips() ? suggestedTip(answers.get(1)) : Wei.ZERO;
    return new FeeMarket(new Wei(latest.getBaseFeePerGas()), tip, true);
  }

  // Nodes that predate eth_maxPriorityFeePerGas answer "method not found": no suggestion, no tip.
  private static Wei suggestedTip(Response<?> answer) {
    if (answer.hasError() || !(answer instanceof EthMaxPriorityFeePerGas tip)) {
      return Wei.ZERO;
    }
    return new Wei(tip.getMaxPriorityFeePerGas());
  }
}
