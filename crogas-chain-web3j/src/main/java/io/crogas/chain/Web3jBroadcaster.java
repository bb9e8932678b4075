package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.port.out.Broadcaster;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * The {@link Broadcaster} port over JSON-RPC: {@code eth_sendRawTransaction} of the recorded bytes,
 * the node's refusal classified by {@link NodeRefusal}. A send never throws for the transport: not
 * knowing whether the bytes arrived is {@link SendResult.Unreachable}, for the engine to look
 * before sending again. Reads (receipts, nonces) throw {@link ChainUnavailableException} instead.
 */
public final class Web3jBroadcaster implements Broadcaster {
  private final JsonRpc rpc;
  private final Receipts receipts;

  public Web3jBroadcaster(JsonRpc rpc) {
    this.rpc = rpc;
    this.receipts = new Receipts(rpc);
  }

  @Override
  public SendResult send(SignedTransaction transaction) {
    try {
      EthSendTransaction answer = rpc.send(rpc.web3j().ethSendRawTransaction(transaction.raw()));
      if (!answer.hasError()) {
        return accepted(transaction, answer.getTransactionHash());
      }
      return refused(transaction, answer.getError());
    } catch (ChainUnavailableException e) {
      return new SendResult.Unreachable(e.getMessage());
    }
  }

  @Override
  public Optional<Receipt> receipt(Hash32 hash) {
    return receipts.receipt(hash);
  }

  @Override
  public long minedNonce(Address account) {
    return nonce(account, DefaultBlockParameterName.LATEST);
  }

  @Override
  public long pendingNonce(Address account) {
    return nonce(account, DefaultBlockParameterName.PENDING);
  }

  private long nonce(Address account, DefaultBlockParameter block) {
    return rpc.sendOrFail(rpc.web3j().ethGetTransactionCount(account.value(), block))
        .getTransactionCount()
        .longValueExact();
  }

  // The hash is keccak256 of the bytes, so a node naming another one is not telling the truth
  // about what it took: treat it as not knowing, and let the watch look and re-send.
  private static SendResult accepted(SignedTransaction transaction, String nodeHash) {
    if (nodeHash != null && transaction.hash().hex().equalsIgnoreCase(nodeHash)) {
      return new SendResult.Accepted();
    }
    return new SendResult.Unreachable(
        "the node answered hash " + nodeHash + " for " + transaction.hash());
  }

  private SendResult refused(SignedTransaction transaction, Response.Error error) {
    String message = error.getMessage();
    return switch (NodeRefusal.of(message, error.getData(), transaction.hash())) {
      case ALREADY_KNOWN -> new SendResult.AlreadyKnown();
      case NONCE_TOO_LOW -> new SendResult.NonceTooLow();
      case REPLACEMENT_UNDERPRICED -> new SendResult.Underpriced();
      case UNDERPRICED -> underpriced(transaction, message);
      case INSUFFICIENT_FUNDS -> new SendResult.InsufficientFunds();
      case POOL_FULL -> new SendResult.Unreachable("the node's pool is full: " + message);
      case REJECTED -> new SendResult.Rejected(message);
      case UNKNOWN ->
          new SendResult.Unreachable("the node answered an error CroGas does not know: " + message);
    };
  }

  // geth says "transaction underpriced" both when a same-nonce transaction pays more (then the
  // nonce is taken: pooled or mined) and when the pool is full or its minimum tip is not met.
  private SendResult underpriced(SignedTransaction transaction, String message) {
    try {
      return pendingNonce(transaction.relayer()) > transaction.nonce()
          ? new SendResult.Underpriced()
          : new SendResult.Rejected(message);
    } catch (ChainUnavailableException e) {
      return new SendResult.Unreachable(message + "; and the nonce could not be read to tell why");
    }
  }
}
