package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.Wei;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Reads transaction receipts and turns them into the domain's {@link Receipt}. */
final class Receipts {
  private final JsonRpc rpc;

  Receipts(JsonRpc rpc) {
    this.rpc = rpc;
  }

  /** The node's receipt of {@code txHash}; empty while it is not mined. */
  Optional<TransactionReceipt> find(String txHash) {
    return rpc.sendOrFail(rpc.web3j().ethGetTransactionReceipt(txHash)).getTransactionReceipt();
  }

  /** The receipt of {@code txHash} as the domain sees it; empty while it is not mined. */
  Optional<Receipt> receipt(Hash32 txHash) {
    return find(txHash.hex()).map(this::toDomain);
  }

  Receipt toDomain(TransactionReceipt receipt) {
    return new Receipt(
        new Hash32(receipt.getTransactionHash()),
        receipt.getBlockNumber().longValueExact(),
        receipt.getGasUsed(),
        new Wei(effectiveGasPrice(receipt)),
        receipt.isStatusOK());
  }

  // effectiveGasPrice arrived with London; nodes that predate it (older Ethermint releases among
  // them) leave it out, and there the mined transaction's gasPrice is what was paid.
  private BigInteger effectiveGasPrice(TransactionReceipt receipt) {
    if (receipt.getEffectiveGasPrice() != null) {
      return Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
    }
    return rpc.sendOrFail(rpc.web3j().ethGetTransactionByHash(receipt.getTransactionHash()))
        .getTransaction()
        .orElseThrow(
            () ->
                new ChainUnavailableException(
                    "the node has a receipt but no transaction for "
                        + receipt.getTransactionHash()))
        .getGasPrice();
  }
}
